package org.opcat.followup.command.importing;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.opcat.followup.command.api.Api;
import org.opcat.followup.command.api.Api.Answer;

/** Posts a file to /api/imports as a browser form would (multipart/form-data). */
final class Uploads {

    private Uploads() {
    }

    static Answer upload(Api api, String query, String fileName, String contentType, byte[] content) {
        String boundary = "----followup" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return api.send("POST", "/api/imports" + (query.isEmpty() ? "" : "?" + query),
                "multipart/form-data; boundary=" + boundary, HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    }

    static Answer csv(Api api, String query, String text) {
        return upload(api, query, "recommendations.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
    }

    static Answer xlsx(Api api, String query, byte[] workbook) {
        return upload(api, query, "recommendations.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook);
    }
}
