package org.opcat.followup.events.recommendation;

import java.time.LocalDate;
import java.util.UUID;

/** The NPM considers the recommendation implemented, on the strength of {@code evidence}. */
public record RecommendationImplemented(UUID recommendationId, LocalDate implementedOn, String evidence) {
}
