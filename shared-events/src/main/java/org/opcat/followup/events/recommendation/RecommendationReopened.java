package org.opcat.followup.events.recommendation;

import java.time.LocalDate;
import java.util.UUID;

/** A relapse was found after implementation, or a withdrawal was undone. */
public record RecommendationReopened(UUID recommendationId, LocalDate reopenedOn, String reason) {
}
