package org.opcat.followup.query.recommendations;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One line of the recommendation list: what is open, with whom, since when (SPEC §4 summary fields). */
public record RecommendationSummary(
        UUID recommendationId,
        String reference,
        String title,
        String language,
        LocalDate issuedOn,
        UUID placeId,
        List<UUID> addresseeAuthorityIds,
        List<String> themes,
        String scope,
        String priority,
        boolean confidential,
        String stage,
        boolean open,
        String implementationStatus,
        String authorityPosition,
        LocalDate responseDueOn,
        boolean responseOverdue,
        LocalDate lastActivityOn,
        long version,
        /**
         * With {@code q}: where its words were found, {@code recommendation} (reference, title, text)
         * and {@code document:<title>} for each of its documents that holds them all; left out otherwise.
         */
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> matchedIn) {

    RecommendationSummary withMatchedIn(List<String> where) {
        return new RecommendationSummary(recommendationId, reference, title, language, issuedOn, placeId,
                addresseeAuthorityIds, themes, scope, priority, confidential, stage, open, implementationStatus,
                authorityPosition, responseDueOn, responseOverdue, lastActivityOn, version, List.copyOf(where));
    }
}
