package org.opcat.followup.query.report;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.opcat.followup.events.recommendation.Priority;

/** A row of {@code report_recommendation}; title and text are loaded only for the recommendations listed. */
record IssuedRecommendation(UUID recommendationId, String reference, LocalDate issuedOn, Priority priority,
        boolean confidential, List<UUID> addresseeIds) {
}
