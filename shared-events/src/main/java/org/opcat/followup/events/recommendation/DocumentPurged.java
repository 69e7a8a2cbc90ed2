package org.opcat.followup.events.recommendation;

import java.util.UUID;

/**
 * A document's bytes were erased (personal data, a court order): the only deletion in the system.
 * The history keeps that the document existed, its hash, and (in the event's metadata, as for
 * every event) who purged it.
 */
public record DocumentPurged(
        UUID recommendationId,
        UUID documentId,
        String sha256,
        String reason) {
}
