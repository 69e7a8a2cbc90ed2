package org.opcat.followup.events.recommendation;

import java.util.UUID;

/**
 * A document (a letter, an action plan, a visit report) kept with the recommendation (SPEC §7.1).
 * {@code attachedTo} is the id of the response, action plan, follow-up visit or assessment it
 * belongs to, or null when it belongs to the recommendation itself. {@code mediaType} is what the
 * bytes are, detected from them; the bytes themselves are stored once per {@code sha256} outside
 * the event.
 */
public record DocumentAttached(
        UUID recommendationId,
        UUID documentId,
        UUID attachedTo,
        String title,
        String fileName,
        String mediaType,
        long size,
        String sha256,
        boolean confidential) {
}
