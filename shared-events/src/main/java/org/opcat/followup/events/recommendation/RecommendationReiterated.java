package org.opcat.followup.events.recommendation;

import java.time.LocalDate;
import java.util.UUID;

/** The recommendation was repeated in a later report (seed paragraph 47(c)). */
public record RecommendationReiterated(UUID recommendationId, LocalDate reiteratedOn, String documentReference) {
}
