package org.opcat.followup.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * HTTP to one service as one demo user, with Basic authentication throughout (the services verify a
 * password with bcrypt once per five minutes per user, so this measures the API, not bcrypt).
 * HTTP/1.1 on purpose: that is what browsers and scripts use against these services.
 */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String authorization;

    Api(String base, String user) {
        this.base = base;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + user + "-demo").getBytes(StandardCharsets.UTF_8));
    }

    String base() {
        return base;
    }

    String authorization() {
        return authorization;
    }

    /** POSTs JSON and answers the parsed body; anything but 2xx stops the run, as a benchmark of errors is worthless. */
    JsonNode post(String path, Object body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .header("Authorization", authorization)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("POST " + path + " → " + response.statusCode() + " "
                        + new String(response.body(), StandardCharsets.UTF_8));
            }
            return response.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("POST " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GETs and answers status and body; the caller decides what a failure means. */
    HttpResponse<byte[]> get(String path, Duration timeout) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
                    .header("Authorization", authorization).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GET that must answer 200. */
    byte[] getOk(String path, Duration timeout) {
        HttpResponse<byte[]> response = get(path, timeout);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " → " + response.statusCode() + " "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return response.body();
    }

    JsonNode getJson(String path) {
        try {
            return JSON.readTree(getOk(path, Duration.ofSeconds(60)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
