package org.opcat.followup.events.recommendation;

import java.time.LocalDate;
import java.util.UUID;

/** The NPM withdrew its own recommendation. {@code supersededBy} is set only when another replaces it. */
public record RecommendationWithdrawn(
        UUID recommendationId,
        LocalDate withdrawnOn,
        WithdrawalReason reason,
        UUID supersededBy) {
}
