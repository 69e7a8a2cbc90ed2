package org.opcat.followup.eventstore.documents;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** Table documents.attachment (db/eventstore): its primary key makes a concurrent claim wait, then see it taken. */
public class JdbcDocumentRegistry implements DocumentRegistry {

    private final JdbcTemplate jdbc;

    public JdbcDocumentRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean claim(UUID documentId, UUID recommendationId, String sha256) {
        jdbc.update("INSERT INTO documents.attachment (document_id, recommendation_id, sha256) VALUES (?, ?, ?) "
                + "ON CONFLICT (document_id) DO NOTHING", documentId, recommendationId, sha256);
        return recommendationOf(documentId).map(recommendationId::equals).orElse(false);
    }

    @Override
    public Optional<UUID> recommendationOf(UUID documentId) {
        return jdbc.queryForList("SELECT recommendation_id FROM documents.attachment WHERE document_id = ?", UUID.class,
                documentId).stream().findFirst();
    }
}
