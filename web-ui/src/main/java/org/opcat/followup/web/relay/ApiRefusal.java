package org.opcat.followup.web.relay;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpResponse;

/**
 * A service said no: its problem+json answer (RFC 9457), with the field problems by field name
 * ({@code receivedOn}, {@code measures[1].targetDate}) so a form can show each beside its field.
 */
public class ApiRefusal extends RuntimeException {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> PROBLEM = new TypeReference<>() {
    };

    private final int status;
    private final String detail;
    private final Map<String, String> fieldErrors;
    private final Map<String, Object> problem;

    public ApiRefusal(int status, String detail, Map<String, String> fieldErrors) {
        this(status, detail, fieldErrors, Map.of());
    }

    ApiRefusal(int status, String detail, Map<String, String> fieldErrors, Map<String, Object> problem) {
        super(status + " " + detail);
        this.status = status;
        this.detail = detail;
        this.fieldErrors = fieldErrors;
        this.problem = problem;
    }

    static void raise(HttpRequest request, ClientHttpResponse response) throws IOException {
        int status = response.getStatusCode().value();
        String detail = response.getStatusText();
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, Object> whole = Map.of();
        try {
            JsonNode problem = JSON.readTree(response.getBody());
            if (problem != null && problem.isObject()) {
                whole = JSON.convertValue(problem, PROBLEM);
            }
            if (problem != null && problem.hasNonNull("detail")) {
                detail = problem.get("detail").asText();
            } else if (problem != null && problem.hasNonNull("title")) {
                detail = problem.get("title").asText();
            }
            if (problem != null && problem.has("errors")) {
                for (JsonNode error : problem.get("errors")) {
                    fields.merge(error.path("field").asText(""), error.path("message").asText(""), (a, b) -> a + "; " + b);
                }
            }
        } catch (IOException notJson) {
            // not problem+json (a proxy's page, say): the status line is all there is
        }
        throw new ApiRefusal(status, detail, fields, whole);
    }

    public int status() {
        return status;
    }

    public String detail() {
        return detail;
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    /**
     * The whole problem answer as the service sent it (empty when it was not JSON): for refusals
     * whose details are more than field messages, such as an import's problems by sheet, row and column.
     */
    public Map<String, Object> problem() {
        return problem;
    }

    /** The read model has not caught up with a write yet (query-service's 504 read-model-behind). */
    public boolean readModelBehind() {
        return status == 504;
    }
}
