package org.opcat.followup.query.documents;

import io.swagger.v3.oas.annotations.Operation;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opcat.followup.eventstore.documents.DocumentContents;
import org.opcat.followup.query.http.UnknownResource;
import org.opcat.followup.api.ProblemCode;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * A recommendation's documents and their content (SPEC §7.1), for ANALYST, MANAGER and ADMIN
 * (QueryRights: REPORTER and anonymous callers reach none). A document is confidential if flagged
 * or if its recommendation is.
 */
@RestController
class DocumentsController {

    private static final String COLUMNS = "d.document_id, d.recommendation_id, d.attached_to, d.title, d.file_name, "
            + "d.media_type, d.size, d.sha256, d.confidential OR s.confidential AS confidential, d.attached_at, d.attached_by, "
            + "d.text_extracted, d.purged_at, d.purged_by, d.purge_reason";

    private final JdbcTemplate jdbc;
    private final DocumentContents contents;

    DocumentsController(JdbcTemplate jdbc, DocumentContents contents) {
        this.jdbc = jdbc;
        this.contents = contents;
    }

    @Operation(summary = "List a recommendation's documents",
            description = "Every document attached to the recommendation, in the order attached, with the entry it belongs to. Not for REPORTER.")
    @GetMapping("/api/recommendations/{id}/documents")
    List<Map<String, Object>> documents(@PathVariable UUID id) {
        Integer known = jdbc.queryForObject("SELECT count(*) FROM recommendation_summary WHERE recommendation_id = ?",
                Integer.class, id);
        if (known == null || known == 0) {
            throw new UnknownResource(ProblemCode.UNKNOWN_RECOMMENDATION, id);
        }
        return jdbc.query("SELECT " + COLUMNS + " FROM document d JOIN recommendation_summary s USING (recommendation_id) "
                + "WHERE d.recommendation_id = ? ORDER BY d.version", DocumentsController::row, id);
    }

    @Operation(summary = "Download a document",
            description = "The stored bytes with the detected Content-Type, Content-Disposition attachment, ETag of the SHA-256 and nosniff; 410 after a purge. Not for REPORTER.")
    @GetMapping("/api/documents/{documentId}/content")
    ResponseEntity<StreamingResponseBody> content(@PathVariable UUID documentId) {
        Map<String, Object> document = jdbc.query("SELECT " + COLUMNS + " FROM document d JOIN recommendation_summary s "
                + "USING (recommendation_id) WHERE d.document_id = ?", DocumentsController::row, documentId)
                .stream().findFirst().orElseThrow(() -> new UnknownResource(ProblemCode.UNKNOWN_DOCUMENT, documentId));
        String sha256 = (String) document.get("sha256");
        if (document.get("purged") != null || contents.state(sha256) != DocumentContents.State.STORED) {
            throw new DocumentGone(documentId);
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType((String) document.get("mediaType")))
                .contentLength((Long) document.get("size"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename((String) document.get("fileName"), StandardCharsets.UTF_8).build().toString())
                .eTag("\"" + sha256 + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .body(out -> contents.writeTo(sha256, out));
    }

    private static Map<String, Object> row(ResultSet rs, int n) throws SQLException {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("documentId", rs.getObject("document_id", UUID.class));
        row.put("recommendationId", rs.getObject("recommendation_id", UUID.class));
        UUID attachedTo = rs.getObject("attached_to", UUID.class);
        row.put("attachedTo", attachedTo == null ? "RECOMMENDATION" : attachedTo.toString());
        row.put("title", rs.getString("title"));
        row.put("fileName", rs.getString("file_name"));
        row.put("mediaType", rs.getString("media_type"));
        row.put("size", rs.getLong("size"));
        row.put("sha256", rs.getString("sha256"));
        row.put("confidential", rs.getBoolean("confidential"));
        row.put("attachedAt", rs.getTimestamp("attached_at").toInstant());
        row.put("attachedBy", rs.getString("attached_by"));
        row.put("textExtracted", rs.getBoolean("text_extracted"));
        java.sql.Timestamp purgedAt = rs.getTimestamp("purged_at");
        row.put("purged", purgedAt == null ? null : Map.of("at", (Instant) purgedAt.toInstant(),
                "by", String.valueOf(rs.getString("purged_by")), "reason", rs.getString("purge_reason")));
        return row;
    }
}
