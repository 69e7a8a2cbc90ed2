package org.opcat.followup.events.recommendation;

import java.time.LocalDate;
import java.util.UUID;

/** The NPM went back to see (seed paragraph 33). {@code placeId} may be null for systemic ones. */
public record FollowUpVisitRecorded(
        UUID recommendationId,
        UUID followUpId,
        LocalDate visitedOn,
        UUID placeId,
        String findings,
        ImplementationStatus assessedStatus) {
}
