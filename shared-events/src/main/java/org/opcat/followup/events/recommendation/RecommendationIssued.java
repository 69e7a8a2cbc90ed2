package org.opcat.followup.events.recommendation;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The NPM made a recommendation. {@code placeId} is null for systemic recommendations;
 * {@code responseDueOn} is null when no deadline was set.
 */
public record RecommendationIssued(
        UUID recommendationId,
        String reference,
        String title,
        String text,
        String language,
        LocalDate issuedOn,
        Source source,
        UUID placeId,
        List<UUID> addresseeAuthorityIds,
        List<String> themes,
        Scope scope,
        Priority priority,
        List<String> standards,
        LocalDate responseDueOn,
        boolean confidential) {

    public RecommendationIssued {
        addresseeAuthorityIds = List.copyOf(addresseeAuthorityIds);
        themes = List.copyOf(themes);
        standards = List.copyOf(standards);
    }
}
