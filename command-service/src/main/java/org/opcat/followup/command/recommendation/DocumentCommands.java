package org.opcat.followup.command.recommendation;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.opcat.followup.eventstore.documents.DocumentContents;

/** The commands on a recommendation's documents (SPEC §7.1). */
public final class DocumentCommands {

    private DocumentCommands() {
    }

    /**
     * Attaches checked content (its media type detected, its hash computed, its words extracted) to
     * the recommendation or one of its entries ({@code attachedTo}, null for the recommendation).
     * {@code bytes} reopens the uploaded file; the aggregate stores them only once every rule holds.
     */
    public record AttachDocument(@TargetAggregateIdentifier UUID recommendationId, UUID documentId, UUID attachedTo,
            String title, String fileName, String mediaType, long size, String sha256, boolean confidential,
            String text, DocumentContents.Bytes bytes, Long expectedVersion) implements RecommendationCommands.OnExisting {
    }

    /** Erases a document's bytes; {@code purgedBy} is the signed-in administrator. */
    public record PurgeDocument(@TargetAggregateIdentifier UUID recommendationId, UUID documentId, String reason,
            String purgedBy, Long expectedVersion) implements RecommendationCommands.OnExisting {
    }
}
