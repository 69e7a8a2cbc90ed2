package org.opcat.followup.query.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opcat.followup.events.authority.AuthorityKind;
import org.opcat.followup.events.authority.AuthorityRegistered;
import org.opcat.followup.events.recommendation.AuthorityResponseRecorded;
import org.opcat.followup.events.recommendation.DocumentAttached;
import org.opcat.followup.events.recommendation.Channel;
import org.opcat.followup.events.recommendation.Position;
import org.opcat.followup.events.recommendation.Priority;
import org.opcat.followup.events.recommendation.RecommendationIssued;
import org.opcat.followup.events.recommendation.Scope;
import org.opcat.followup.events.recommendation.Source;
import org.opcat.followup.events.recommendation.SourceKind;
import org.opcat.followup.query.EventLog;
import org.opcat.followup.query.QueryServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * SPEC §5 on query-service: every endpoint with every role and with no user, and no response to
 * REPORTER that carries anything of a confidential recommendation.
 */
@QueryServiceTest
@AutoConfigureObservability
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryRightsTest {

    static final String SECRET_TITLE = "证人遭报复风险：B监区的举报人姓名";
    static final String SECRET_TEXT = "Informant in block B, name withheld; reprisal risk noted on 2025-03-02";
    static final String SECRET_RESPONSE = "The prison director denies the allegation made by the informant";
    static final String NONE = "(no user)";
    static final List<String> WHO = List.of(NONE, "analyst", "manager", "reporter", "admin");

    @Autowired
    TestRestTemplate http;
    @Autowired
    EventLog events;

    final UUID authority = UUID.randomUUID();
    final UUID confidential = UUID.randomUUID();
    final UUID document = UUID.randomUUID();
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @BeforeAll
    void aConfidentialRecommendationWithAResponse() {
        Instant now = Instant.now();
        events.append("Authority", authority, 0, new AuthorityRegistered(authority, "司法部监狱管理局",
                AuthorityKind.DETENTION_ADMINISTRATION, null), "admin", now);
        LocalDate issued = LocalDate.of(2025, 3, 2);
        events.recommendation(confidential)
                .then(new RecommendationIssued(confidential, "2025/V-009/R-01", SECRET_TITLE, SECRET_TEXT, "zh", issued,
                        new Source(SourceKind.VISIT_REPORT, "V-009"), null, List.of(authority), List.of("reprisals"),
                        Scope.SYSTEMIC, Priority.URGENT, List.of(), null, true), "analyst", now)
                .then(new AuthorityResponseRecorded(confidential, UUID.randomUUID(), authority, issued.plusDays(9),
                        Channel.WRITTEN, Position.REJECTED, SECRET_RESPONSE, null), "analyst", now);
        // A document of it, its content in the store as command-service leaves it.
        byte[] letter = SECRET_RESPONSE.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String sha256 = org.opcat.followup.query.documents.DocumentsQueryTest.sha256(letter);
        try {
            new org.opcat.followup.eventstore.documents.PostgresDocumentContents(jdbc).store(sha256, letter.length, "text/plain",
                    () -> new java.io.ByteArrayInputStream(letter), SECRET_RESPONSE);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        events.append("Recommendation", confidential, 2, new DocumentAttached(confidential, document, null, SECRET_TITLE,
                "reprisal.txt", "text/plain", letter.length, sha256, false), "analyst", now);
        // Visible to readers once projected.
        var detail = http.getForEntity("/api/recommendations/" + confidential + "?minVersion=2", String.class);
        assertThat(detail.getBody()).contains(SECRET_TITLE);
    }

    record Endpoint(String path, Map<String, Integer> expected) {
        @Override
        public String toString() {
            return path;
        }
    }

    static Map<String, Integer> statuses(int none, int analyst, int manager, int reporter, int admin) {
        return Map.of(NONE, none, "analyst", analyst, "manager", manager, "reporter", reporter, "admin", admin);
    }

    List<Endpoint> endpoints() {
        Map<String, Integer> readers = statuses(401, 200, 200, 403, 200);
        Map<String, Integer> admins = statuses(401, 403, 403, 403, 200);
        return List.of(
                new Endpoint("/api/recommendations", readers),
                new Endpoint("/api/recommendations?q=" + "举报人", readers),
                new Endpoint("/api/recommendations/" + confidential, readers),
                new Endpoint("/api/recommendations/" + confidential + "/history", readers),
                new Endpoint("/api/recommendations/" + confidential + "/documents", readers),
                new Endpoint("/api/documents/" + document + "/content", readers),
                new Endpoint("/api/authorities", readers),
                new Endpoint("/api/places", readers),
                new Endpoint("/api/authorities/" + authority + "/dialogue", readers),
                new Endpoint("/api/dashboard", readers),
                new Endpoint("/api/reports/annual/2025", readers),
                new Endpoint("/api/reports/annual/2025?audience=internal&format=csv", readers),
                new Endpoint("/api/reports/annual/2025?audience=public", statuses(401, 200, 200, 200, 200)),
                new Endpoint("/api/reports/annual/2025?audience=public&format=csv", statuses(401, 200, 200, 200, 200)),
                new Endpoint("/api/reports/annual/2025?audience=public&format=html&lang=zh", statuses(401, 200, 200, 200, 200)),
                new Endpoint("/api/admin/replay/status", admins),
                new Endpoint("/api/admin/failed-events", admins),
                new Endpoint("/actuator/health", statuses(200, 200, 200, 200, 200)),
                new Endpoint("/actuator/prometheus", statuses(401, 403, 403, 403, 200)),
                new Endpoint("/v3/api-docs", statuses(200, 200, 200, 200, 200)));
    }

    Stream<Arguments> cells() {
        return endpoints().stream().flatMap(e -> WHO.stream().map(who -> Arguments.of(e, who)));
    }

    @ParameterizedTest(name = "GET {0} as {1}")
    @MethodSource("cells")
    void answersAsTheRoleAllows(Endpoint endpoint, String who) {
        ResponseEntity<String> answer = as(who).exchange(endpoint.path(), HttpMethod.GET, null, String.class);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(endpoint.expected().get(who));
        if (who.equals("reporter") || who.equals(NONE)) {
            String body = answer.getBody() == null ? "" : answer.getBody();
            assertThat(body).doesNotContain(SECRET_TITLE).doesNotContain(SECRET_TEXT).doesNotContain(SECRET_RESPONSE)
                    .doesNotContain("2025/V-009/R-01");
        }
    }

    @Test
    void htmlOutputsCarrySecurityHeaders() {
        ResponseEntity<String> html = as("manager").getForEntity("/api/reports/annual/2025?format=html", String.class);
        assertThat(html.getStatusCode().value()).isEqualTo(200);
        assertThat(html.getHeaders().getFirst("Content-Security-Policy")).contains("default-src 'none'").contains("script-src 'self'");
        assertThat(html.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(html.getHeaders().getFirst("X-Frame-Options")).isEqualTo("DENY");
        assertThat(html.getHeaders().getCacheControl()).contains("no-store");
        assertThat(html.getBody()).doesNotContain("<script");
    }

    @Test
    void corsIsClosedUnlessConfigured() {
        var headers = new org.springframework.http.HttpHeaders();
        headers.setOrigin("https://elsewhere.example");
        headers.setAccessControlRequestMethod(HttpMethod.GET);
        ResponseEntity<String> preflight = as("manager").exchange("/api/recommendations", HttpMethod.OPTIONS,
                new org.springframework.http.HttpEntity<>(headers), String.class);
        assertThat(preflight.getHeaders().getAccessControlAllowOrigin()).isNull();
        assertThat(preflight.getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void replayIsForAdministratorsOnly() {
        assertThat(as("manager").postForEntity("/api/admin/replay", null, String.class).getStatusCode().value()).isEqualTo(403);
        assertThat(as("analyst").postForEntity("/api/admin/replay", null, String.class).getStatusCode().value()).isEqualTo(403);
        assertThat(as(NONE).postForEntity("/api/admin/replay", null, String.class).getStatusCode().value()).isEqualTo(401);
    }

    /**
     * Writes the description to target/openapi/ for the build's lint (Redocly's recommended rules,
     * run in the verify phase), after checking what a client generator needs from it: a summary and
     * a description for every operation, and the fields every answer always carries marked required.
     */
    @Test
    void theOpenApiDescriptionNamesEveryOperationAndWhatItsAnswersAlwaysCarry() throws Exception {
        ResponseEntity<String> doc = as(NONE).getForEntity("/v3/api-docs", String.class);
        assertThat(doc.getStatusCode().value()).isEqualTo(200);
        java.nio.file.Path file = java.nio.file.Path.of("target", "openapi", "query-service.json");
        java.nio.file.Files.createDirectories(file.getParent());
        java.nio.file.Files.writeString(file, doc.getBody());
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(doc.getBody());
        json.get("paths").forEach(item -> item.forEach(operation -> {
            assertThat(operation.path("summary").asText()).as(operation.path("operationId").asText()).isNotBlank();
            assertThat(operation.path("description").asText()).as(operation.path("operationId").asText()).isNotBlank();
        }));
        assertThat(json.at("/components/schemas/RecommendationDetail/required"))
                .extracting(com.fasterxml.jackson.databind.JsonNode::asText).contains("recommendationId", "stage", "responses");
        assertThat(json.at("/components/schemas/RecommendationDetail/properties/responses/type").asText())
                .as("a list is empty, never null").isEqualTo("array");
    }

    private TestRestTemplate as(String who) {
        return who.equals(NONE) ? new TestRestTemplate(new RestTemplateBuilder().rootUri(http.getRootUri()))
                : http.withBasicAuth(who, who + "-demo");
    }
}
