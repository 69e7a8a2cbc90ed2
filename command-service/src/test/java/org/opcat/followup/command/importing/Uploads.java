package org.opcat.followup.command.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.opcat.followup.command.api.Api;
import org.opcat.followup.command.api.Api.Answer;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.mock.http.MockHttpOutputMessage;

/** Posts a file to /api/imports as a browser form would (multipart/form-data, encoded by Spring). */
public final class Uploads {

    private Uploads() {
    }

    public static Answer upload(Api api, String query, String fileName, String contentType, byte[] content) {
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("file", new ByteArrayResource(content)).filename(fileName).contentType(MediaType.parseMediaType(contentType));
        MockHttpOutputMessage encoded = new MockHttpOutputMessage();
        try {
            new FormHttpMessageConverter().write(form.build(), MediaType.MULTIPART_FORM_DATA, encoded);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return api.send("POST", "/api/imports" + (query.isEmpty() ? "" : "?" + query),
                encoded.getHeaders().getContentType().toString(), HttpRequest.BodyPublishers.ofByteArray(encoded.getBodyAsBytes()));
    }

    public static Answer csv(Api api, String query, String text) {
        return upload(api, query, "recommendations.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
    }

    public static Answer xlsx(Api api, String query, byte[] workbook) {
        return upload(api, query, "recommendations.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook);
    }
}
