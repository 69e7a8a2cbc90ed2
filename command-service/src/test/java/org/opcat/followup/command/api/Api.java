package org.opcat.followup.command.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.env.Environment;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.JdbcTemplate;

/** A plain HTTP client of the running service, and a look into its event table. */
@TestComponent
public class Api {

    public record Answer(int status, String contentType, Map<String, java.util.List<String>> headers, String body) {
        public JsonNode json() {
            try {
                return new ObjectMapper().readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final JdbcTemplate jdbc;
    private final Environment environment;
    private final String user;
    private final String password;

    @org.springframework.beans.factory.annotation.Autowired
    Api(JdbcTemplate jdbc, Environment environment) {
        this(jdbc, environment, "analyst", "analyst-demo");
    }

    private Api(JdbcTemplate jdbc, Environment environment, String user, String password) {
        this.jdbc = jdbc;
        this.environment = environment;
        this.user = user;
        this.password = password;
    }

    /** The same client signed in as a demo user ({@code <name>-demo}). */
    public Api as(String demoUser) {
        return new Api(jdbc, environment, demoUser, demoUser + "-demo");
    }

    /** The same client with other credentials, or none when {@code user} is null. */
    public Api withCredentials(String user, String password) {
        return new Api(jdbc, environment, user, password);
    }

    public Answer get(String path) {
        return send("GET", path, null, HttpRequest.BodyPublishers.noBody());
    }

    /** A download (a spreadsheet, say) as bytes; fails unless the answer is 200. */
    public byte[] getBytes(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + environment.getProperty("local.server.port") + path));
        if (user != null) {
            request.header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                    (user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new AssertionError(path + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Answer put(String path, Object body) {
        try {
            return send("PUT", path, "application/json", HttpRequest.BodyPublishers.ofString(
                    json.writeValueAsString(body), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Answer post(String path, Object body, String... headers) {
        try {
            String text = body instanceof String s ? s : json.writeValueAsString(body);
            return send("POST", path, "application/json", HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8), headers);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Answer send(String method, String path, String contentType, HttpRequest.BodyPublisher body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + environment.getProperty("local.server.port") + path))
                .method(method, body);
        if (user != null) {
            request.header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                    (user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().map(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public long storedEvents() {
        return jdbc.queryForObject("SELECT count(*) FROM events.domain_event_entry", Long.class);
    }

    public UUID registerAuthority(String name, String kind, UUID parent) {
        var body = new java.util.HashMap<String, Object>(Map.of("name", name, "kind", kind));
        if (parent != null) {
            body.put("parentAuthorityId", parent);
        }
        Answer answer = as("admin").post("/api/authorities", body);
        if (answer.status() != 201) {
            throw new AssertionError(answer);
        }
        return UUID.fromString(answer.json().get("authorityId").asText());
    }

    public UUID registerPlace(String name, String type, UUID authorityId) {
        Answer answer = as("admin").post("/api/places", Map.of("name", name, "type", type, "region", "华北", "authorityId", authorityId));
        if (answer.status() != 201) {
            throw new AssertionError(answer);
        }
        return UUID.fromString(answer.json().get("placeId").asText());
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }
}
