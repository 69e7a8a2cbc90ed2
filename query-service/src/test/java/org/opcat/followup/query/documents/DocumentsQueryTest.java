package org.opcat.followup.query.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.opcat.followup.events.recommendation.AuthorityResponseRecorded;
import org.opcat.followup.events.recommendation.Channel;
import org.opcat.followup.events.recommendation.DocumentAttached;
import org.opcat.followup.events.recommendation.DocumentPurged;
import org.opcat.followup.events.recommendation.Position;
import org.opcat.followup.events.recommendation.Priority;
import org.opcat.followup.events.recommendation.RecommendationIssued;
import org.opcat.followup.events.recommendation.Scope;
import org.opcat.followup.events.recommendation.Source;
import org.opcat.followup.events.recommendation.SourceKind;
import org.opcat.followup.eventstore.documents.PostgresDocumentContents;
import org.opcat.followup.query.EventLog;
import org.opcat.followup.query.QueryServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** SPEC §7.1 on query-service: a recommendation's documents, their content and its headers, a purge, the history. */
@QueryServiceTest
public class DocumentsQueryTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    EventLog events;
    @Autowired
    JdbcTemplate jdbc;

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    String store(byte[] bytes, String mediaType, String text) throws Exception {
        String sha256 = sha256(bytes);
        new PostgresDocumentContents(jdbc).store(sha256, bytes.length, mediaType, () -> new ByteArrayInputStream(bytes), text);
        return sha256;
    }

    @Test
    void listsDocumentsUnderTheirEntriesAndAnswersTheirContentUntilPurged() throws Exception {
        UUID rec = UUID.randomUUID();
        UUID authority = UUID.randomUUID();
        UUID response = UUID.randomUUID();
        UUID letterId = UUID.randomUUID();
        UUID scanId = UUID.randomUUID();
        byte[] letter = "监狱管理局复函：已更换禁闭室通风设备".getBytes(StandardCharsets.UTF_8);
        byte[] scan = new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 1};
        String letterSha = store(letter, "text/plain", "监狱管理局复函：已更换禁闭室通风设备");
        String scanSha = store(scan, "image/png", null);
        Instant now = Instant.now();
        LocalDate issued = LocalDate.of(2025, 3, 2);
        events.recommendation(rec)
                .then(new RecommendationIssued(rec, "DOC-1", "通风", "text", "zh", issued, new Source(SourceKind.OTHER, null), null,
                        List.of(authority), List.of(), Scope.SYSTEMIC, Priority.NORMAL, List.of(), null, true), "analyst", now)
                .then(new AuthorityResponseRecorded(rec, response, authority, issued.plusDays(9), Channel.WRITTEN,
                        Position.ACCEPTED, "复函", null), "analyst", now)
                .then(new DocumentAttached(rec, letterId, response, "复函", "复函 2025.txt", "text/plain", letter.length,
                        letterSha, false), "analyst", now)
                .then(new DocumentAttached(rec, scanId, null, "扫描件", "scan.png", "image/png", scan.length, scanSha, true),
                        "analyst", now);
        assertThat(http.getForEntity("/api/recommendations/" + rec + "?minVersion=3", String.class).getStatusCode().value())
                .isEqualTo(200);

        JsonNode list = json(http.getForEntity("/api/recommendations/" + rec + "/documents", String.class));
        assertThat(list).hasSize(2);
        JsonNode first = list.get(0);
        assertThat(first.get("documentId").asText()).isEqualTo(letterId.toString());
        assertThat(first.get("attachedTo").asText()).isEqualTo(response.toString());
        assertThat(first.get("title").asText()).isEqualTo("复函");
        assertThat(first.get("sha256").asText()).isEqualTo(letterSha);
        assertThat(first.get("confidential").asBoolean()).as("its recommendation is confidential").isTrue();
        assertThat(first.get("textExtracted").asBoolean()).isTrue();
        assertThat(first.get("attachedBy").asText()).isEqualTo("analyst");
        assertThat(first.get("purged").isNull()).isTrue();
        assertThat(list.get(1).get("attachedTo").asText()).isEqualTo("RECOMMENDATION");
        assertThat(list.get(1).get("textExtracted").asBoolean()).isFalse();

        ResponseEntity<byte[]> content = http.getForEntity("/api/documents/" + letterId + "/content", byte[].class);
        assertThat(content.getStatusCode().value()).isEqualTo(200);
        assertThat(content.getBody()).isEqualTo(letter);
        assertThat(content.getHeaders().getContentType().toString()).startsWith("text/plain");
        assertThat(content.getHeaders().getFirst("Content-Disposition"))
                .isEqualTo("attachment; filename=\"=?UTF-8?Q?=E5=A4=8D=E5=87=BD_2025.txt?=\"; filename*=UTF-8''%E5%A4%8D%E5%87%BD%202025.txt");
        assertThat(content.getHeaders().getETag()).isEqualTo("\"" + letterSha + "\"");
        assertThat(content.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");

        assertThat(http.getForEntity("/api/documents/" + UUID.randomUUID() + "/content", String.class).getStatusCode().value())
                .isEqualTo(404);
        assertThat(http.getForEntity("/api/recommendations/" + UUID.randomUUID() + "/documents", String.class)
                .getStatusCode().value()).isEqualTo(404);

        // q finds it by a word that only its document holds, and says where.
        JsonNode byDocument = json(http.getForEntity("/api/recommendations?q=通风设备", String.class)).get("content");
        assertThat(byDocument).hasSize(1);
        assertThat(byDocument.get(0).get("recommendationId").asText()).isEqualTo(rec.toString());
        assertThat(byDocument.get(0).get("matchedIn").toString()).isEqualTo("[\"document:复函\"]");
        JsonNode byBoth = json(http.getForEntity("/api/recommendations?q=通风", String.class)).get("content");
        assertThat(byBoth.get(0).get("matchedIn").toString()).isEqualTo("[\"recommendation\",\"document:复函\"]");
        assertThat(json(http.getForEntity("/api/recommendations", String.class)).get("content").get(0).has("matchedIn"))
                .as("without q").isFalse();

        new PostgresDocumentContents(jdbc).purge(letterSha, "admin", "法院命令");
        events.append("Recommendation", rec, 4, new DocumentPurged(rec, letterId, letterSha, "法院命令"), "admin", now);
        assertThat(http.getForEntity("/api/recommendations/" + rec + "?minVersion=4", String.class).getStatusCode().value())
                .isEqualTo(200);
        ResponseEntity<String> gone = http.getForEntity("/api/documents/" + letterId + "/content", String.class);
        assertThat(gone.getStatusCode().value()).isEqualTo(410);
        assertThat(gone.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(new ObjectMapper().readTree(gone.getBody()).get("code").asText()).isEqualTo("document-purged");
        JsonNode purged = json(http.getForEntity("/api/recommendations/" + rec + "/documents", String.class)).get(0).get("purged");
        assertThat(purged.get("by").asText()).isEqualTo("admin");
        assertThat(purged.get("reason").asText()).isEqualTo("法院命令");

        assertThat(json(http.getForEntity("/api/recommendations?q=通风设备", String.class)).get("content"))
                .as("a purged document's words are gone").isEmpty();

        String history = http.getForEntity("/api/recommendations/" + rec + "/history", String.class).getBody();
        assertThat(history).contains("DOCUMENT_ATTACHED", "DOCUMENT_PURGED", letterSha, response.toString());
    }

    private static JsonNode json(ResponseEntity<String> answer) throws Exception {
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isLessThan(300);
        return new ObjectMapper().readTree(answer.getBody());
    }
}
