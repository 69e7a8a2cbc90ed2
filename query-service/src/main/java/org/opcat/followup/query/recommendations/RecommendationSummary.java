package org.opcat.followup.query.recommendations;

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
        long version) {
}
