package org.opcat.followup.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description both services serve at {@code /v3/api-docs} (Swagger UI at
 * {@code /swagger-ui.html}): the problem+json answer of every refusal, added to every operation so
 * that no endpoint's errors go undocumented. How to sign in is the security module's part of it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ApiDocumentation {

    private static final String PROBLEM = "Problem";

    @Bean
    OpenAPI followupApi(@Value("${spring.application.name}") String service) {
        return new OpenAPI()
                .info(new Info().title("Recommendation follow-up: " + service).version("1")
                        .description("Follow-up of National Preventive Mechanism recommendations (OPCAT). "
                                + "Refusals are application/problem+json (RFC 9457)."))
                .components(new Components());
    }

    @Bean
    AnsweredFields answeredFields() {
        return new AnsweredFields();
    }

    @Bean
    OpenApiCustomizer documentedRefusals(AnsweredFields answeredFields) {
        return api -> {
            api.getComponents().addSchemas(PROBLEM, problemSchema());
            api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            answer(operation, "400", "Malformed or invalid input; `errors` names the fields");
            answer(operation, "401", "No user, or a wrong, disabled or locked one");
            answer(operation, "403", "The user's roles do not allow this");
            if (path.contains("{")) {
                answer(operation, "404", "No record with that id");
            }
            if (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT) {
                answer(operation, "409", "A rule of the record, a repeated id with other content, or a stale If-Match");
            }
            }));
            answeredFields.markRequired(api, java.util.Set.of(PROBLEM));
        };
    }

    private static void answer(Operation operation, String status, String description) {
        if (operation.getResponses() != null && !operation.getResponses().containsKey(status)) {
            operation.getResponses().addApiResponse(status, new ApiResponse().description(description)
                    .content(new Content().addMediaType("application/problem+json",
                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
        }
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        ObjectSchema fieldProblem = new ObjectSchema();
        fieldProblem.setProperties(Map.of("field", new StringSchema(), "code", new StringSchema().example("not-blank"),
                "args", new ObjectSchema(), "message", new StringSchema()));
        ObjectSchema problem = new ObjectSchema();
        problem.setProperties(Map.of(
                "type", new StringSchema().example(ProblemType.BASE + "rule-violated"),
                "title", new StringSchema().example("Conflict"),
                "status", new IntegerSchema().example(409),
                "detail", new StringSchema().example("the recommendation is not addressed to authority …"),
                "instance", new StringSchema(),
                // docs/problems.md lists the codes and their arguments; detail follows Accept-Language (en, zh).
                "code", new StringSchema().example("not-addressee"),
                "args", new ObjectSchema(),
                "errors", new ArraySchema().items(fieldProblem)));
        return problem;
    }
}
