package org.opcat.followup.web.relay;

import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** command-service's API: records what the user entered, answers with the recommendation's version. */
public class CommandApi {

    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };

    private final RestClient client;

    CommandApi(RestClient client) {
        this.client = client;
    }

    /** @param expectedVersion the version the user saw, sent as If-Match so a stale form is refused; null for none */
    public Map<String, Object> post(String path, Object body, Long expectedVersion) {
        RestClient.RequestBodySpec request = client.post().uri(path).contentType(MediaType.APPLICATION_JSON);
        if (expectedVersion != null) {
            request = request.header("If-Match", "\"" + expectedVersion + "\"");
        }
        return request.body(body).retrieve().body(OBJECT);
    }

    public void put(String path, Object body, Object... uriVariables) {
        client.put().uri(path, uriVariables).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toBodilessEntity();
    }

    public List<Map<String, Object>> list(String path) {
        return client.get().uri(path).retrieve().body(LIST);
    }
}
