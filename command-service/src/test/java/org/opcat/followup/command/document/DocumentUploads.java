package org.opcat.followup.command.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.UUID;
import org.opcat.followup.command.api.Api;
import org.opcat.followup.command.api.Api.Answer;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.mock.http.MockHttpOutputMessage;

/** Posts a document as a browser form would (multipart/form-data, encoded by Spring). */
public final class DocumentUploads {

    private DocumentUploads() {
    }

    /** @param fields title, documentId, attachedTo, confidential: those given */
    public static Answer attach(Api api, UUID recommendationId, String fileName, byte[] content, Map<String, String> fields,
            String... headers) {
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        if (content != null) {
            // The part's own Content-Type says nothing true: the service never reads it.
            form.part("file", new ByteArrayResource(content)).filename(fileName).contentType(MediaType.APPLICATION_OCTET_STREAM);
        }
        fields.forEach(form::part);
        MockHttpOutputMessage encoded = new MockHttpOutputMessage();
        try {
            new FormHttpMessageConverter().write(form.build(), MediaType.MULTIPART_FORM_DATA, encoded);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return api.send("POST", "/api/recommendations/" + recommendationId + "/documents",
                encoded.getHeaders().getContentType().toString(), HttpRequest.BodyPublishers.ofByteArray(encoded.getBodyAsBytes()),
                headers);
    }

    public static Answer attach(Api api, UUID recommendationId, String fileName, byte[] content, String title) {
        return attach(api, recommendationId, fileName, content, Map.of("title", title));
    }
}
