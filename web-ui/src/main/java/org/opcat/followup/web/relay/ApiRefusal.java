package org.opcat.followup.web.relay;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.opcat.followup.web.language.ProblemWording;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpResponse;

/**
 * A service said no: its problem+json answer (RFC 9457), with the field problems by field name
 * ({@code receivedOn}, {@code measures[1].targetDate}) so a form can show each beside its field.
 * Its texts are this interface's own wording of each problem's {@code code} in the page's language
 * (the service's text only for a code the interface does not know).
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

    static void raise(HttpRequest request, ClientHttpResponse response, ProblemWording wording) throws IOException {
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
                StringBuilder all = new StringBuilder();
                for (JsonNode error : problem.get("errors")) {
                    String field = error.path("field").asText("");
                    String message = wording.word(error.path("code").asText(null), arguments(error), error.path("message").asText(""));
                    fields.merge(field, message, (a, b) -> a + "; " + b);
                    all.append(all.isEmpty() ? "" : "; ").append(wording.field(field)).append(": ").append(message);
                }
                if ("invalid-fields".equals(problem.path("code").asText())) {
                    detail = all.toString();
                }
            }
            if (problem != null && !"invalid-fields".equals(problem.path("code").asText())) {
                detail = wording.word(problem.path("code").asText(null), arguments(problem), detail);
            }
        } catch (IOException notJson) {
            // not problem+json (a proxy's page, say): the status line is all there is
        }
        throw new ApiRefusal(status, detail, fields, whole);
    }

    private static Map<String, Object> arguments(JsonNode problem) {
        JsonNode args = problem.path("args");
        return args.isObject() ? JSON.convertValue(args, PROBLEM) : Map.of();
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
