package org.opcat.followup.query.documents;

import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.opcat.followup.events.recommendation.DocumentAttached;
import org.opcat.followup.events.recommendation.DocumentPurged;
import org.opcat.followup.eventstore.documents.DocumentContents;
import org.opcat.followup.query.ReadModels;
import org.opcat.followup.query.recommendations.SearchText;
import org.opcat.followup.query.processing.ReadModelWrites;
import org.opcat.followup.query.processing.ReadModelWrites.Statement;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code query.document}: one row per document, its words copied from the content store
 * (stored with the content, in the same transaction as the event, so they are there when the
 * event is), erased with a purge.
 */
@Component
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
public class DocumentProjector {

    private static final Statement ATTACHED = ReadModelWrites.statement("""
            INSERT INTO document (document_id, recommendation_id, version, attached_to, title, file_name, media_type, size, sha256,
                confidential, attached_at, attached_by, search_text, text, text_extracted)
            SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, c.text, c.text IS NOT NULL
              FROM (SELECT CAST(? AS CHAR(64)) AS sha256) h LEFT JOIN documents.content c ON c.sha256 = h.sha256
            ON CONFLICT (document_id) DO NOTHING
            """);
    private static final Statement PURGED = ReadModelWrites.statement(
            "UPDATE document SET text = NULL, search_text = NULL, purged_at = ?, purged_by = ?, purge_reason = ? WHERE document_id = ?");

    private final ReadModelWrites writes;
    private final DocumentContents contents;

    public DocumentProjector(ReadModelWrites writes, DocumentContents contents) {
        this.writes = writes;
        this.contents = contents;
    }

    @EventHandler
    void on(DocumentAttached e, DomainEventMessage<?> message) {
        writes.add(ATTACHED, e.documentId(), e.recommendationId(), message.getSequenceNumber(), e.attachedTo(), e.title(), e.fileName(), e.mediaType(),
                e.size(), e.sha256(), e.confidential(), Timestamp.from(message.getTimestamp()), recordedBy(message),
                SearchText.of(null, e.title(), contents.text(e.sha256()).orElse(null)), e.sha256());
    }

    @EventHandler
    void on(DocumentPurged e, EventMessage<?> message) {
        writes.add(PURGED, Timestamp.from(message.getTimestamp()), recordedBy(message), e.reason(), e.documentId());
    }

    private static String recordedBy(EventMessage<?> message) {
        Object by = message.getMetaData().get("recordedBy");
        return by == null ? null : by.toString();
    }
}
