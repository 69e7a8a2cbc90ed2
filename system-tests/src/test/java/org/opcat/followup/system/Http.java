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
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

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
    private static final RestClient FORMS = RestClient.builder().requestFactory(uploads()).build();

    private static JdkClientHttpRequestFactory uploads() {
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(CLIENT);
        factory.setReadTimeout(Duration.ofMinutes(5));
        return factory;
    }

    private final String base;

    Http(String base) {
        this.base = base;
    }

    Answer get(String user, String path) throws IOException, InterruptedException {
        return send(user, HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    Answer post(String user, String path, Object body) throws IOException, InterruptedException {
        return post(user, path, body, null);
    }

    /** @param ifMatch the version sent as {@code If-Match}, or null for none */
    Answer post(String user, String path, Object body, Long ifMatch) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : JSON.writeValueAsString(body), StandardCharsets.UTF_8));
        if (ifMatch != null) {
            request.header("If-Match", "\"" + ifMatch + "\"");
        }
        return send(user, request);
    }

    /** A file posted as a browser form posts it (multipart/form-data, part "file"); large imports take a while. */
    Answer upload(String user, String path, String fileName, byte[] content) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        return FORMS.post().uri(URI.create(base + path)).header("Authorization", basic(user))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(form)
                .exchange((request, response) -> new Answer(response.getStatusCode().value(),
                        new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }

    /** A file as served (an export), or an AssertionError naming the status. */
    byte[] download(String user, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", basic(user))
                .timeout(Duration.ofMinutes(2)).GET().build();
        HttpResponse<byte[]> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + ": " + response.statusCode() + " " + new String(response.body(), StandardCharsets.UTF_8));
        }
        return response.body();
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user + "-demo").getBytes(StandardCharsets.UTF_8));
    }

    private Answer send(String user, HttpRequest.Builder request) throws IOException, InterruptedException {
        request.header("Authorization", basic(user));
        request.timeout(Duration.ofSeconds(30));
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(response.statusCode(), response.body());
    }
}
