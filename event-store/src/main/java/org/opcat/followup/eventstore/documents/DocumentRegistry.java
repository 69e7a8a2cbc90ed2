package org.opcat.followup.eventstore.documents;

import java.util.Optional;
import java.util.UUID;

/** Which recommendation each document id belongs to: set-based, claimed with the attaching event. */
public interface DocumentRegistry {

    /** @return false when the id already belongs to another recommendation */
    boolean claim(UUID documentId, UUID recommendationId, String sha256);

    Optional<UUID> recommendationOf(UUID documentId);
}
