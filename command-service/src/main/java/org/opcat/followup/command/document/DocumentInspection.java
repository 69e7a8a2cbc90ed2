package org.opcat.followup.command.document;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.sax.BodyContentHandler;
import org.opcat.followup.api.ProblemCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.xml.sax.SAXException;

/**
 * What an uploaded file is, from its bytes alone (Apache Tika; never the name or the part's
 * Content-Type), and its words. SPEC §7.1 accepts PDF, DOCX, XLSX, ODT, PNG, JPEG and plain text;
 * a name's extension, when it has one, must agree with the content.
 */
@Component
class DocumentInspection {

    static final String PDF = "application/pdf";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String ODT = "application/vnd.oasis.opendocument.text";
    static final String PNG = "image/png";
    static final String JPEG = "image/jpeg";
    static final String TEXT = "text/plain";

    /** Each accepted type by the extensions that name it. */
    private static final Map<String, String> BY_EXTENSION = Map.of("pdf", PDF, "docx", DOCX, "xlsx", XLSX, "odt", ODT,
            "png", PNG, "jpg", JPEG, "jpeg", JPEG, "txt", TEXT, "text", TEXT);
    private static final Set<String> ACCEPTED = Set.copyOf(BY_EXTENSION.values());
    /** Zip containers: if Tika cannot read one it is damaged or a bomb, never stored. */
    private static final Set<String> CONTAINERS = Set.of(DOCX, XLSX, ODT);
    /** Words kept per document for search; the rest of a longer text is not searched. */
    static final int MAX_TEXT_CHARS = 2_000_000;

    private static final Logger log = LoggerFactory.getLogger(DocumentInspection.class);

    private final Detector detector;
    private final Parser parser;

    DocumentInspection() {
        TikaConfig config = TikaConfig.getDefaultConfig();
        this.detector = config.getDetector();
        this.parser = new AutoDetectParser(config);
    }

    /** The file's media type and words; {@code text} is null when it has none to extract (a scanned image). */
    record Inspected(String mediaType, String text) {
    }

    Inspected inspect(Path file, String fileName) throws IOException {
        String mediaType;
        try (InputStream in = TikaInputStream.get(file)) {
            // No resource name in the metadata: the bytes alone decide.
            mediaType = detector.detect(in, new Metadata()).getBaseType().toString();
        }
        if (!ACCEPTED.contains(mediaType)) {
            throw DocumentRefused.unsupported(ProblemCode.DOCUMENT_TYPE_NOT_ACCEPTED, "mediaType", mediaType);
        }
        String extension = extension(fileName);
        if (extension != null && !mediaType.equals(BY_EXTENSION.get(extension))) {
            throw DocumentRefused.unsupported(ProblemCode.DOCUMENT_TYPE_MISMATCH, "mediaType", mediaType, "extension", extension);
        }
        return new Inspected(mediaType, mediaType.startsWith("image/") ? null : text(file, mediaType));
    }

    private String text(Path file, String mediaType) throws IOException {
        BodyContentHandler words = new BodyContentHandler(MAX_TEXT_CHARS);
        Metadata metadata = new Metadata();
        metadata.set(Metadata.CONTENT_TYPE, mediaType);
        try (InputStream in = TikaInputStream.get(file)) {
            parser.parse(in, words, metadata, new ParseContext());
        } catch (SAXException e) {
            if (!WriteLimitReachedException.isWriteLimitReached(e)) {
                return unreadable(mediaType, e);
            }
        } catch (TikaException | RuntimeException e) {
            // Tika's own guard (SecureContentHandler) and POI's (ZipSecureFile) end a zip bomb here.
            return unreadable(mediaType, e);
        }
        String text = words.toString().strip();
        return text.isEmpty() ? null : text;
    }

    /** A damaged or hostile container is refused; a PDF whose words cannot be read is kept without them. */
    private static String unreadable(String mediaType, Exception e) {
        if (CONTAINERS.contains(mediaType)) {
            throw DocumentRefused.unsupported(ProblemCode.DOCUMENT_UNREADABLE, "mediaType", mediaType);
        }
        log.info("no text extracted from a {} document: {}", mediaType, e.toString());
        return null;
    }

    /** The extension, lower-case, or null when the name has none. */
    static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot <= 0 || dot == fileName.length() - 1 ? null : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
