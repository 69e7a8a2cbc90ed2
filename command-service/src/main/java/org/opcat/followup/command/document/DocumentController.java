package org.opcat.followup.command.document;

import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.opcat.followup.command.TextLimits;
import org.opcat.followup.command.recommendation.DocumentCommands.AttachDocument;
import org.opcat.followup.eventstore.documents.DocumentRegistry;
import org.opcat.followup.command.recommendation.DocumentCommands.PurgeDocument;
import org.opcat.followup.command.http.ExpectedVersion;
import org.opcat.followup.command.recommendation.RecommendationCommands.Recorded;
import org.opcat.followup.command.refusal.InvalidInput;
import org.opcat.followup.command.refusal.Problem;
import org.opcat.followup.command.refusal.UnknownId;
import org.opcat.followup.security.CurrentUser;
import org.opcat.followup.api.ProblemCode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Documents of a recommendation (SPEC §7.1): attach (multipart) and purge. The upload is checked
 * from a file on disk (the container writes parts there), hashed and inspected by streaming it,
 * and its bytes reach the store in the command's transaction only once every rule held.
 */
@RestController
class DocumentController {

    /** A file name as a file system keeps it: one name, no directory. */
    static final int FILE_NAME_MAX = 255;

    private final CommandGateway commands;
    private final DocumentInspection inspection;
    private final DocumentRegistry registry;
    private final long maxBytes;

    DocumentController(CommandGateway commands, DocumentInspection inspection, DocumentRegistry registry,
            @Value("${followup.document.max-bytes:26214400}") long maxBytes) {
        this.commands = commands;
        this.inspection = inspection;
        this.registry = registry;
        this.maxBytes = maxBytes;
    }

    @Operation(summary = "Attach a document",
            description = "ANALYST or ADMIN. multipart/form-data with file, title, attachedTo, documentId and confidential. The media type is detected from the bytes; the same bytes are stored once. 400 empty or bad name, 413 too large, 415 type not accepted or not matching the file name.")
    @PostMapping(path = "/api/recommendations/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Map<String, Object>> attach(@PathVariable UUID id,
            @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @RequestParam(value = "file", required = false) MultipartFile file,
            @RequestParam(value = "documentId", required = false) String documentId,
            @RequestParam(value = "title", required = false) String title,
            @RequestParam(value = "attachedTo", required = false) String attachedTo,
            @RequestParam(value = "confidential", required = false) String confidential) throws IOException {
        List<Problem> problems = new ArrayList<>();
        UUID document = documentId == null || documentId.isBlank() ? UUID.randomUUID() : uuid("documentId", documentId, problems);
        UUID entry = attachedTo == null || attachedTo.isBlank() || attachedTo.equals("RECOMMENDATION") ? null
                : uuid("attachedTo", attachedTo, problems);
        if (title == null || title.isBlank()) {
            problems.add(Problem.of("title", ProblemCode.NOT_BLANK));
        } else if (title.length() > TextLimits.TITLE) {
            problems.add(Problem.of("title", ProblemCode.SIZE, "min", 1, "max", TextLimits.TITLE));
        }
        boolean isConfidential = false;
        if (confidential != null && !confidential.isBlank()) {
            if (!confidential.equals("true") && !confidential.equals("false")) {
                problems.add(Problem.of("confidential", ProblemCode.WRONG_TYPE, "type", "true or false"));
            }
            isConfidential = confidential.equals("true");
        }
        String fileName = file == null ? null : file.getOriginalFilename();
        if (file == null) {
            problems.add(Problem.of("file", ProblemCode.NOT_NULL));
        } else if (!plainFileName(fileName)) {
            problems.add(Problem.of("fileName", ProblemCode.FILE_NAME, "max", FILE_NAME_MAX));
        } else if (file.isEmpty()) {
            problems.add(Problem.of("file", ProblemCode.DOCUMENT_EMPTY));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        if (file.getSize() > maxBytes) {
            throw tooLarge();
        }
        Long expectedVersion = ExpectedVersion.fromIfMatch(ifMatch);
        Path upload = Files.createTempFile("document-", ".upload");
        try {
            file.transferTo(upload);
            long size = Files.size(upload);
            if (size > maxBytes) {
                throw tooLarge();
            }
            String sha256 = sha256(upload);
            DocumentInspection.Inspected inspected = inspection.inspect(upload, fileName);
            Recorded recorded = commands.sendAndWait(new AttachDocument(id, document, entry, title, fileName,
                    inspected.mediaType(), size, sha256, isConfidential, inspected.text(),
                    () -> Files.newInputStream(upload), expectedVersion));
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("recommendationId", recorded.recommendationId());
            answer.put("documentId", recorded.entryId());
            answer.put("sha256", sha256);
            answer.put("size", size);
            answer.put("mediaType", inspected.mediaType());
            answer.put("textExtracted", inspected.text() != null);
            answer.put("version", recorded.version());
            return ResponseEntity.status(HttpStatus.CREATED).eTag("\"" + recorded.version() + "\"").body(answer);
        } finally {
            Files.deleteIfExists(upload);
        }
    }

    record PurgeRequest(String reason) {
    }

    @Operation(summary = "Purge a document's bytes",
            description = "ADMIN, with a reason. The bytes are erased; the history keeps the fact, the hash and who purged. The content then answers 410.")
    @PostMapping("/api/documents/{documentId}/purge")
    ResponseEntity<Map<String, Object>> purge(@PathVariable UUID documentId,
            @RequestHeader(value = "If-Match", required = false) String ifMatch, @RequestBody PurgeRequest body) {
        if (body.reason() == null || body.reason().isBlank()) {
            throw new InvalidInput("reason", ProblemCode.NOT_BLANK);
        }
        if (body.reason().length() > TextLimits.SHORT_TEXT) {
            throw new InvalidInput("reason", ProblemCode.SIZE, "min", 1, "max", TextLimits.SHORT_TEXT);
        }
        UUID recommendationId = registry.recommendationOf(documentId)
                .orElseThrow(() -> new UnknownId("documentId", ProblemCode.UNKNOWN_DOCUMENT, documentId));
        Recorded recorded = commands.sendAndWait(new PurgeDocument(recommendationId, documentId, body.reason(),
                CurrentUser.name(), ExpectedVersion.fromIfMatch(ifMatch)));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("recommendationId", recorded.recommendationId());
        answer.put("documentId", documentId);
        answer.put("version", recorded.version());
        return ResponseEntity.ok().eTag("\"" + recorded.version() + "\"").body(answer);
    }

    private DocumentRefused tooLarge() {
        return new DocumentRefused(HttpStatus.PAYLOAD_TOO_LARGE, "too-large", ProblemCode.DOCUMENT_TOO_LARGE, "limit", maxBytes);
    }

    private static UUID uuid(String field, String value, List<Problem> problems) {
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            problems.add(Problem.of(field, ProblemCode.WRONG_TYPE, "type", "UUID"));
            return null;
        }
    }

    /** One name, no directory, nothing a terminal, a log line or a Content-Disposition header could misread. */
    static boolean plainFileName(String name) {
        if (name == null || name.isBlank() || name.length() > FILE_NAME_MAX || name.equals(".") || name.equals("..")) {
            return false;
        }
        return name.codePoints().noneMatch(c -> c == '/' || c == '\\' || Character.getType(c) == Character.CONTROL
                || Character.getType(c) == Character.FORMAT || c == 0x2028 || c == 0x2029);
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
