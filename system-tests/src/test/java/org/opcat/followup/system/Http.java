package org.opcat.followup.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A client of one service, signed in as a demo user. */
final class Http {

    record Answer(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;

    Http(String base) {
        this.base = base;
    }

    Answer get(String user, String path) throws IOException, InterruptedException {
        return send(user, HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    Answer post(String user, String path, Object body) throws IOException, InterruptedException {
        return send(user, HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : JSON.writeValueAsString(body), StandardCharsets.UTF_8)));
    }

    private Answer send(String user, HttpRequest.Builder request) throws IOException, InterruptedException {
        request.header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + user + "-demo").getBytes(StandardCharsets.UTF_8)));
        request.timeout(Duration.ofSeconds(30));
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(response.statusCode(), response.body());
    }
}
