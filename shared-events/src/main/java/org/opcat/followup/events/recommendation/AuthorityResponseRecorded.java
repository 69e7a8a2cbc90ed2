package org.opcat.followup.events.recommendation;

import java.time.LocalDate;
import java.util.UUID;

/** An addressee answered, in writing, orally or at a meeting. {@code documentReference} may be null. */
public record AuthorityResponseRecorded(
        UUID recommendationId,
        UUID responseId,
        UUID authorityId,
        LocalDate receivedOn,
        Channel channel,
        Position position,
        String text,
        String documentReference) {
}
