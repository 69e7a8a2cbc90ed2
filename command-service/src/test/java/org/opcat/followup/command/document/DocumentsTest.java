package org.opcat.followup.command.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opcat.followup.command.document.DocumentUploads.attach;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opcat.followup.command.api.Api;
import org.opcat.followup.command.api.Api.Answer;
import org.opcat.followup.command.api.CommandApiTest;
import org.opcat.followup.command.api.CommandServiceTest;
import org.springframework.beans.factory.annotation.Autowired;

/** SPEC §7.1 on command-service: attaching documents, their content stored once, and every refusal storing nothing. */
@CommandServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentsTest {

    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @Autowired
    Api api;

    UUID authority;
    UUID place;

    @BeforeAll
    void registers() {
        authority = api.registerAuthority("监狱管理局 " + UUID.randomUUID(), "DETENTION_ADMINISTRATION", null);
        place = api.registerPlace("第一监狱", "PRISON", authority);
    }

    UUID recommendation() {
        Answer issued = api.post("/api/recommendations", CommandApiTest.recommendation("D-" + UUID.randomUUID(), place, authority));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        return UUID.fromString(issued.json().get("recommendationId").asText());
    }

    UUID response(UUID recommendation) {
        Answer answer = api.post("/api/recommendations/" + recommendation + "/responses", Map.of("authorityId", authority,
                "receivedOn", "2025-07-01", "channel", "WRITTEN", "position", "ACCEPTED", "text", "复函"));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return UUID.fromString(answer.json().get("responseId").asText());
    }

    long contents() {
        return api.jdbc().queryForObject("SELECT count(*) FROM documents.content", Long.class);
    }

    String text(String sha256) {
        return api.jdbc().queryForObject("SELECT text FROM documents.content WHERE sha256 = ?", String.class, sha256);
    }

    @Test
    void aChinesePdfIsStoredWithItsTypeHashAndWords() {
        UUID rec = recommendation();
        long events = api.storedEvents();
        byte[] pdf = DocumentSamples.chinesePdf();
        Answer answer = attach(api, rec, "复函 2026-03.pdf", pdf, Map.of("title", "监狱管理局复函", "confidential", "true"));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(answer.json().get("recommendationId").asText()).isEqualTo(rec.toString());
        assertThat(answer.json().get("mediaType").asText()).isEqualTo("application/pdf");
        assertThat(answer.json().get("size").asLong()).isEqualTo(pdf.length);
        String sha256 = answer.json().get("sha256").asText();
        assertThat(sha256).isEqualTo(java.util.HexFormat.of().formatHex(sha256(pdf)));
        assertThat(answer.json().get("version").asLong()).isEqualTo(1);
        assertThat(answer.header("ETag")).isEqualTo("\"1\"");
        assertThat(api.storedEvents()).isEqualTo(events + 1);
        String payload = api.jdbc().queryForObject("SELECT convert_from(payload, 'UTF8') FROM events.domain_event_entry "
                + "WHERE payloadType LIKE '%DocumentAttached' AND aggregateIdentifier = ?", String.class, rec.toString());
        assertThat(payload).contains("\"title\":\"监狱管理局复函\"", "\"fileName\":\"复函 2026-03.pdf\"", "\"confidential\":true",
                "\"attachedTo\":null", sha256);
        assertThat(text(sha256)).contains(DocumentSamples.PDF_WORD);
    }

    @Test
    void aDocxGoesUnderAResponseAndAScanIsStoredWithoutWords() {
        UUID rec = recommendation();
        UUID response = response(rec);
        Answer docx = attach(api, rec, "行动计划.docx", DocumentSamples.docx("第一监狱行动计划：更换禁闭室门锁"),
                Map.of("title", "行动计划", "attachedTo", response.toString()));
        assertThat(docx.status()).as(docx.body()).isEqualTo(201);
        assertThat(docx.json().get("mediaType").asText()).isEqualTo(DOCX);
        assertThat(text(docx.json().get("sha256").asText())).contains("更换禁闭室门锁");

        Answer scan = attach(api, rec, "scan.PNG", DocumentSamples.png(), Map.of("title", "扫描件", "attachedTo", "RECOMMENDATION"));
        assertThat(scan.status()).as(scan.body()).isEqualTo(201);
        assertThat(scan.json().get("mediaType").asText()).isEqualTo("image/png");
        assertThat(scan.json().get("textExtracted").asBoolean()).isFalse();
        assertThat(text(scan.json().get("sha256").asText())).isNull();
    }

    @Test
    void theSameBytesAreStoredOnceAndARepeatStoresNothing() {
        UUID rec = recommendation();
        byte[] letter = ("复函 " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        UUID documentId = UUID.randomUUID();
        Map<String, String> fields = Map.of("title", "复函", "documentId", documentId.toString());
        Answer first = attach(api, rec, "letter.txt", letter, fields);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().get("mediaType").asText()).isEqualTo("text/plain");
        long events = api.storedEvents();
        long contents = contents();

        Answer again = attach(api, rec, "letter.txt", letter, fields);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("documentId").asText()).isEqualTo(documentId.toString());
        assertThat(again.json().get("version")).isEqualTo(first.json().get("version"));
        assertThat(api.storedEvents()).isEqualTo(events);

        Answer other = attach(api, rec, "copy.txt", letter, Map.of("title", "副本"));
        assertThat(other.status()).isEqualTo(201);
        assertThat(api.storedEvents()).isEqualTo(events + 1);
        assertThat(contents()).as("the same bytes twice are one content").isEqualTo(contents);

        Answer reused = attach(api, rec, "letter.txt", "其他内容".getBytes(StandardCharsets.UTF_8), fields);
        expectProblem(reused, 409, "id-reused");
        UUID elsewhere = recommendation();
        expectProblem(attach(api, elsewhere, "letter.txt", letter, fields), 409, "id-reused");
        // Refused after its bytes were stored, in the same transaction: they go with it.
        long before = contents();
        expectProblem(attach(api, elsewhere, "letter.txt", ("新的 " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8),
                fields), 409, "id-reused");
        assertThat(contents()).isEqualTo(before);
    }

    @Test
    void badInputIsRefusedAndStoresNothing() {
        UUID rec = recommendation();
        UUID other = recommendation();
        UUID othersResponse = response(other);
        byte[] pdf = DocumentSamples.chinesePdf();
        long events = api.storedEvents();
        long contents = contents();
        byte[] fresh = ("x " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);

        expectProblem(attach(api, rec, "empty.pdf", new byte[0], "t"), 400, "document-empty");
        expectProblem(attach(api, rec, "letter.pdf", DocumentSamples.executable(), "t"), 415, "document-type-not-accepted");
        expectProblem(attach(api, rec, "letter.docx", pdf, "t"), 415, "document-type-mismatch");
        expectProblem(attach(api, rec, "plan.docx", DocumentSamples.zipBomb(), "t"), 415, "document-unreadable");
        expectProblem(attach(api, rec, "../../etc/passwd.txt", fresh, "t"), 400, "file-name");
        expectProblem(attach(api, rec, "a\\b.txt", fresh, "t"), 400, "file-name");
        expectProblem(attach(api, rec, "bell\u0007.txt", fresh, "t"), 400, "file-name");
        expectProblem(attach(api, rec, "x".repeat(296) + ".txt", fresh, "t"), 400, "file-name");
        expectProblem(attach(api, rec, "letter.txt", fresh, Map.of("title", "t", "attachedTo", othersResponse.toString())),
                404, "unknown-entry");
        expectProblem(attach(api, rec, "letter.txt", fresh, Map.of("title", " ")), 400, "not-blank");
        expectProblem(attach(api, rec, "letter.txt", null, Map.of("title", "t")), 400, "not-null");
        expectProblem(attach(api, UUID.randomUUID(), "letter.txt", fresh, "t"), 404, null);
        expectProblem(attach(api.as("manager"), rec, "letter.txt", fresh, "t"), 403, null);
        expectProblem(attach(api.as("reporter"), rec, "letter.txt", fresh, "t"), 403, null);
        expectProblem(attach(api, rec, "letter.txt", fresh, Map.of("title", "t"), "If-Match", "\"7\""), 409, null);

        assertThat(api.storedEvents()).isEqualTo(events);
        assertThat(contents()).isEqualTo(contents);
    }

    @Test
    void aFileOverTheLimitIsRefused() {
        UUID rec = recommendation();
        long events = api.storedEvents();
        long contents = contents();
        int limit = 25 * 1024 * 1024;
        // Just over the file's limit: the form is read, the file measured.
        expectProblem(attach(api, rec, "big.txt", new byte[limit + 1], "t"), 413, "document-too-large");
        // Over the form's limit: refused on its Content-Length, before the body is read.
        expectProblem(attach(api, rec, "big.txt", new byte[limit + 128 * 1024], "t"), 413, "too-large");
        assertThat(api.storedEvents()).isEqualTo(events);
        assertThat(contents()).isEqualTo(contents);
    }

    @Test
    void anAdministratorPurgesTheBytesAndTheHistoryKeepsTheFact() {
        UUID rec = recommendation();
        byte[] letter = ("含个人信息的来信 " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        Answer attached = attach(api, rec, "letter.txt", letter, "来信");
        String documentId = attached.json().get("documentId").asText();
        String sha256 = attached.json().get("sha256").asText();
        String path = "/api/documents/" + documentId + "/purge";

        expectProblem(api.post(path, Map.of("reason", "法院命令")), 403, null);
        expectProblem(api.as("admin").post(path, Map.of("reason", " ")), 400, "not-blank");
        expectProblem(api.as("admin").post("/api/documents/" + UUID.randomUUID() + "/purge", Map.of("reason", "r")), 404,
                "unknown-document");
        long events = api.storedEvents();
        Answer purged = api.as("admin").post(path, Map.of("reason", "法院命令"));
        assertThat(purged.status()).as(purged.body()).isEqualTo(200);
        assertThat(purged.json().get("version").asLong()).isEqualTo(attached.json().get("version").asLong() + 1);
        assertThat(api.storedEvents()).isEqualTo(events + 1);
        Map<String, Object> row = api.jdbc().queryForMap("SELECT bytes, text, size, purged_by, purge_reason FROM documents.content "
                + "WHERE sha256 = ?", sha256);
        assertThat(row.get("bytes")).isNull();
        assertThat(row.get("text")).isNull();
        assertThat(row.get("size")).isEqualTo((long) letter.length);
        assertThat(row.get("purged_by")).isEqualTo("admin");
        assertThat(row.get("purge_reason")).isEqualTo("法院命令");
        String payload = api.jdbc().queryForObject("SELECT convert_from(payload, 'UTF8') FROM events.domain_event_entry "
                + "WHERE payloadType LIKE '%DocumentPurged' AND aggregateIdentifier = ?", String.class, rec.toString());
        assertThat(payload).contains(documentId, sha256, "法院命令");

        Answer again = api.as("admin").post(path, Map.of("reason", "法院命令"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("version")).isEqualTo(purged.json().get("version"));
        assertThat(api.storedEvents()).isEqualTo(events + 1);
        expectProblem(attach(api, rec, "again.txt", letter, "再次"), 409, "content-purged");
    }

    @Test
    void storedContentRefusesEveryChangeButAnErasure() {
        UUID rec = recommendation();
        String sha256 = attach(api, rec, "a.txt", ("不可更改 " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8), "t")
                .json().get("sha256").asText();
        for (String change : new String[] {
                "UPDATE documents.content SET media_type = 'application/pdf' WHERE sha256 = '" + sha256 + "'",
                "UPDATE documents.content SET bytes = 'x'::bytea, size = 1 WHERE sha256 = '" + sha256 + "'",
                "UPDATE documents.content SET bytes = NULL, text = NULL, purged_at = now(), purged_by = 'x', purge_reason = 'y', "
                        + "media_type = 'text/html' WHERE sha256 = '" + sha256 + "'",
                "DELETE FROM documents.content WHERE sha256 = '" + sha256 + "'",
                "DELETE FROM documents.attachment",
                "TRUNCATE documents.content CASCADE"}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> api.jdbc().execute(change)).as(change)
                    .rootCause().hasMessageContaining("immutable");
        }
        assertThat(api.jdbc().queryForObject("SELECT bytes IS NOT NULL FROM documents.content WHERE sha256 = ?", Boolean.class,
                sha256)).isTrue();
    }

    static void expectProblem(Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        if (code != null) {
            assertThat(answer.json().get("code").asText()).as(answer.body()).isEqualTo(code);
        }
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
