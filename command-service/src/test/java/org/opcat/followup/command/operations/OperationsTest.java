package org.opcat.followup.command.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opcat.followup.command.api.Api;
import org.opcat.followup.command.api.CommandApiTest;
import org.opcat.followup.command.api.CommandServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** What an operator watches: probes, health, metrics, the API description, and logs by request. */
@CommandServiceTest
@AutoConfigureObservability
@ExtendWith(OutputCaptureExtension.class)
class OperationsTest {

    @Autowired
    Api api;

    @Test
    void probesAreOpenAndHealthDetailsAreForAdministrators() {
        Api anonymous = api.withCredentials(null, null);
        assertThat(anonymous.get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/health").body()).doesNotContain("eventStore");
        var health = api.as("admin").get("/actuator/health").json();
        assertThat(health.at("/components/eventStore/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/eventStore/details/lastGlobalIndex").isNumber()).isTrue();
        assertThat(anonymous.get("/actuator/prometheus").status()).isEqualTo(401);
    }

    @Test
    void metricsIncludeAxonsAndHttpLatencyHistograms() {
        var authority = api.registerAuthority("司法部", "MINISTRY", null);
        api.post("/api/recommendations", CommandApiTest.recommendation("OPS-1", api.registerPlace("p", "PRISON", authority), authority));
        String metrics = api.as("admin").get("/actuator/prometheus").body();
        assertThat(metrics).contains("http_server_requests_seconds_bucket");
        assertThat(metrics).containsPattern("(?m)^commandBus\\S*");
        assertThat(metrics).contains("eventStore");
        assertThat(metrics).as("Spring Security's per-filter observations are switched off: their cost per request")
                .doesNotContain("spring_security_filterchains").doesNotContain("spring_security_authentications");
    }

    @Test
    void theOpenApiDescriptionShowsEveryEndpointAndItsProblems() {
        var doc = api.withCredentials(null, null).get("/v3/api-docs");
        assertThat(doc.status()).isEqualTo(200);
        var paths = doc.json().get("paths");
        for (String path : new String[] {"/api/authorities", "/api/places", "/api/recommendations",
                "/api/recommendations/{id}/responses", "/api/recommendations/{id}/action-plans",
                "/api/recommendations/{id}/follow-up-visits", "/api/recommendations/{id}/assessments",
                "/api/recommendations/{id}/implementation", "/api/recommendations/{id}/reiterations",
                "/api/recommendations/{id}/withdrawal", "/api/recommendations/{id}/reopening", "/api/users"}) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
        var responses = paths.at("/~1api~1recommendations~1{id}~1responses/post/responses");
        for (String status : new String[] {"400", "401", "403", "404", "409"}) {
            assertThat(responses.at("/" + status + "/content/application~1problem+json/schema/$ref").asText())
                    .as(status).isEqualTo("#/components/schemas/Problem");
        }
        assertThat(doc.json().at("/components/schemas/Problem/properties/errors/type").asText()).isEqualTo("array");
        // How to sign in: HTTP Basic in this (default) mode, required by every operation.
        assertThat(doc.json().at("/components/securitySchemes/user/scheme").asText()).isEqualTo("basic");
        assertThat(doc.json().at("/security/0").has("user")).isTrue();
        assertThat(api.withCredentials(null, null).get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    /**
     * Writes the description to target/openapi/ for the build's lint (Redocly's recommended rules,
     * run in the verify phase), after checking what a client generator needs from it: a summary and
     * a description for every operation, and the fields every answer always carries marked required.
     */
    @Test
    void theOpenApiDescriptionNamesEveryOperationAndWhatItsAnswersAlwaysCarry() throws Exception {
        var doc = api.withCredentials(null, null).get("/v3/api-docs");
        assertThat(doc.status()).isEqualTo(200);
        java.nio.file.Path file = java.nio.file.Path.of("target", "openapi", "command-service.json");
        java.nio.file.Files.createDirectories(file.getParent());
        java.nio.file.Files.writeString(file, doc.body());
        doc.json().get("paths").forEach(item -> item.forEach(operation -> {
            assertThat(operation.path("summary").asText()).as(operation.path("operationId").asText()).isNotBlank();
            assertThat(operation.path("description").asText()).as(operation.path("operationId").asText()).isNotBlank();
        }));
        var verification = doc.json().at("/components/schemas/Verification");
        assertThat(verification.get("required")).extracting(com.fasterxml.jackson.databind.JsonNode::asText)
                .contains("checked", "firstBrokenLink", "storeDigest");
        assertThat(doc.json().at("/components/schemas/UserAccount/properties/lockedUntil/type").toString())
                .as("may be null").isEqualTo("[\"string\",\"null\"]");
        assertThat(doc.json().at("/components/schemas/UserAccount/properties/enabled/type").asText())
                .as("a boolean is never null").isEqualTo("boolean");
        assertThat(doc.json().at("/components/schemas/NewUser/required")).extracting(com.fasterxml.jackson.databind.JsonNode::asText)
                .as("a request keeps what its validation requires").containsExactlyInAnyOrder("username", "password", "roles");
    }

    @Test
    void logLinesOfARequestCarryItsCorrelationId(CapturedOutput output) {
        api.withCredentials("manager", "wrong password").send("GET", "/api/users", null,
                java.net.http.HttpRequest.BodyPublishers.noBody(), "X-Correlation-Id", "ops-trace-7");
        assertThat(output.getAll()).containsPattern("\\[command-service,ops-trace-7\\].*failed sign-in for user manager");
    }
}
