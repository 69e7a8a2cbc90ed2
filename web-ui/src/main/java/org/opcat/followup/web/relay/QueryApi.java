package org.opcat.followup.web.relay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.opcat.followup.web.language.ProblemWording;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

/** query-service's read API. Answers are plain maps: the pages only show what the API says. */
public class QueryApi {

    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };

    private final RestClient client;
    private final ProblemWording wording;

    QueryApi(RestClient client, ProblemWording wording) {
        this.client = client;
        this.wording = wording;
    }

    public Map<String, Object> object(Function<UriBuilder, URI> uri) {
        return client.get().uri(uri).retrieve().body(OBJECT);
    }

    /**
     * With query parameters as the user typed them: passed as URI variables, which are encoded
     * strictly, so that {@code +}, {@code &} or {@code =} in a search stay characters.
     */
    public Map<String, Object> object(String path, MultiValueMap<String, String> params) {
        return client.get().uri(uri -> {
            Map<String, String> values = new HashMap<>();
            params.forEach((name, list) -> list.forEach(value -> {
                String variable = "v" + values.size();
                values.put(variable, value);
                uri.queryParam(name, "{" + variable + "}");
            }));
            return uri.path(path).build(values);
        }).retrieve().body(OBJECT);
    }

    public List<Map<String, Object>> list(String path) {
        return client.get().uri(path).retrieve().body(LIST);
    }

    public List<Map<String, Object>> list(Function<UriBuilder, URI> uri) {
        return client.get().uri(uri).retrieve().body(LIST);
    }

    /**
     * The raw answer (the report in html, csv or pdf), passed on to the browser as it arrives: a
     * whole register's report is tens of MB, which this interface need not hold. A refusal is
     * thrown as {@link ApiRefusal} before anything is passed on.
     */
    public Relay relay(Function<UriBuilder, URI> uri) {
        return client.get().uri(uri).exchange((request, response) -> {
            if (response.getStatusCode().isError()) {
                try (response) {
                    ApiRefusal.raise(request, response, wording);
                }
            }
            return new Relay(response);
        }, false);
    }

    /** An answer still open: its headers now, its body read once, while the browser's response is written. */
    public static final class Relay {

        private final ClientHttpResponse response;

        private Relay(ClientHttpResponse response) {
            this.response = response;
        }

        public HttpHeaders headers() {
            return response.getHeaders();
        }

        /** Written out and closed by Spring's resource converter, which frees the connection. */
        public InputStreamResource body() {
            try {
                return new InputStreamResource(response.getBody());
            } catch (IOException e) {
                response.close();
                throw new UncheckedIOException(e);
            }
        }
    }
}
