package org.opcat.followup.command.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opcat.followup.command.api.Api;
import org.opcat.followup.command.api.Api.Answer;
import org.opcat.followup.command.api.CommandApiTest;
import org.opcat.followup.command.api.CommandServiceTest;
import org.opcat.followup.command.document.DocumentUploads;
import org.opcat.followup.command.importing.Uploads;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * SPEC §5 on command-service, every endpoint with every role and with no user. Allowed requests are
 * valid ones, so a cell shows the endpoint's success status; refused ones show 401 or 403.
 */
@CommandServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommandRightsMatrixTest {

    static final String NONE = "(no user)";
    static final List<String> WHO = List.of(NONE, "analyst", "manager", "reporter", "admin");

    @Autowired
    Api api;

    UUID authority;
    UUID place;
    /** A name no other test registers, so that an import matches it unambiguously. */
    String importAuthority = "Matrix authority " + UUID.randomUUID();

    /** An endpoint: how to make a fresh valid request, and the status each caller gets. */
    record Endpoint(String name, Function<Api, Answer> call, Map<String, Integer> expected) {
    }

    @BeforeAll
    void registers() {
        authority = api.registerAuthority("监狱管理局", "DETENTION_ADMINISTRATION", null);
        place = api.registerPlace("第一监狱", "PRISON", authority);
        api.registerAuthority(importAuthority, "OTHER", null);
    }

    /** A one-row recommendations sheet, new each time; {@code addressee} unregistered makes createMissing matter. */
    String sheet(String addressee) {
        return "reference,title,text,language,issuedOn,sourceKind,addressees,scope,priority\n"
                + "M-" + UUID.randomUUID() + ",t,x,en,2025-07-01,OTHER," + addressee + ",SYSTEMIC,NORMAL\n";
    }

    static Map<String, Integer> statuses(int none, int analyst, int manager, int reporter, int admin) {
        return Map.of(NONE, none, "analyst", analyst, "manager", manager, "reporter", reporter, "admin", admin);
    }

    UUID freshRecommendation() {
        Map<String, Object> body = CommandApiTest.recommendation("M-" + UUID.randomUUID(), place, authority);
        return UUID.fromString(api.post("/api/recommendations", body).json().get("recommendationId").asText());
    }

    String freshDocument() {
        return DocumentUploads.attach(api, freshRecommendation(), "letter.txt",
                ("letter " + UUID.randomUUID()).getBytes(java.nio.charset.StandardCharsets.UTF_8), "t").json().get("documentId").asText();
    }

    UUID implementedRecommendation() {
        UUID id = freshRecommendation();
        api.post("/api/recommendations/" + id + "/implementation", Map.of("implementedOn", "2026-01-01", "evidence", "e"));
        return id;
    }

    List<Endpoint> endpoints() {
        Map<String, Integer> recorders = statuses(401, 201, 403, 403, 201);
        Map<String, Integer> recordersOk = statuses(401, 200, 403, 403, 200);
        Map<String, Integer> admins = statuses(401, 403, 403, 403, 201);
        List<Endpoint> list = new ArrayList<>();
        list.add(new Endpoint("POST /api/authorities", c -> c.post("/api/authorities",
                Map.of("name", "n-" + UUID.randomUUID(), "kind", "OTHER")), admins));
        list.add(new Endpoint("POST /api/places", c -> c.post("/api/places",
                Map.of("name", "p", "type", "PRISON", "region", "r", "authorityId", authority)), admins));
        list.add(new Endpoint("POST /api/recommendations", c -> c.post("/api/recommendations",
                CommandApiTest.recommendation("M-" + UUID.randomUUID(), place, authority)), recorders));
        list.add(new Endpoint("POST …/responses", c -> c.post("/api/recommendations/" + freshRecommendation() + "/responses",
                Map.of("authorityId", authority, "receivedOn", "2025-07-01", "channel", "WRITTEN", "position", "ACCEPTED",
                        "text", "t")), recorders));
        list.add(new Endpoint("POST …/action-plans", c -> c.post("/api/recommendations/" + freshRecommendation() + "/action-plans",
                Map.of("authorityId", authority, "filedOn", "2025-07-01", "measures",
                        List.of(Map.of("description", "d", "responsibleUnit", "u", "targetDate", "2025-08-01")))), recorders));
        list.add(new Endpoint("POST …/follow-up-visits", c -> c.post("/api/recommendations/" + freshRecommendation()
                + "/follow-up-visits", Map.of("visitedOn", "2025-07-01", "findings", "f", "assessedStatus", "IN_PROGRESS")), recorders));
        list.add(new Endpoint("POST …/assessments", c -> c.post("/api/recommendations/" + freshRecommendation() + "/assessments",
                Map.of("assessedOn", "2025-07-01", "status", "IN_PROGRESS", "basis", "b")), recorders));
        list.add(new Endpoint("POST …/implementation", c -> c.post("/api/recommendations/" + freshRecommendation()
                + "/implementation", Map.of("implementedOn", "2025-07-01", "evidence", "e")), recordersOk));
        list.add(new Endpoint("POST …/reiterations", c -> c.post("/api/recommendations/" + freshRecommendation()
                + "/reiterations", Map.of("reiteratedOn", "2025-07-01", "documentReference", "AR")), recordersOk));
        list.add(new Endpoint("POST …/withdrawal", c -> c.post("/api/recommendations/" + freshRecommendation()
                + "/withdrawal", Map.of("withdrawnOn", "2025-07-01", "reason", "ISSUED_IN_ERROR")), recordersOk));
        list.add(new Endpoint("POST …/reopening", c -> c.post("/api/recommendations/" + implementedRecommendation()
                + "/reopening", Map.of("reopenedOn", "2026-01-02", "reason", "r")), recordersOk));
        list.add(new Endpoint("POST …/documents", c -> DocumentUploads.attach(c, freshRecommendation(), "letter.txt",
                ("letter " + UUID.randomUUID()).getBytes(java.nio.charset.StandardCharsets.UTF_8), "t"), recorders));
        list.add(new Endpoint("POST /api/documents/{id}/purge", c -> c.post("/api/documents/" + freshDocument() + "/purge",
                Map.of("reason", "r")), statuses(401, 403, 403, 403, 200)));
        list.add(new Endpoint("POST /api/imports?dryRun=true", c -> Uploads.csv(c, "dryRun=true", sheet(importAuthority)),
                recordersOk));
        list.add(new Endpoint("POST /api/imports", c -> Uploads.csv(c, "", sheet(importAuthority)), recordersOk));
        // Registering authorities and places is for administrators, through an import as well.
        list.add(new Endpoint("POST /api/imports?dryRun=true&createMissing=true", c -> Uploads.csv(c,
                "dryRun=true&createMissing=true", sheet("New authority " + UUID.randomUUID())), statuses(401, 403, 403, 403, 200)));
        list.add(new Endpoint("POST /api/imports?createMissing=true", c -> Uploads.csv(c, "createMissing=true",
                sheet("New authority " + UUID.randomUUID())), statuses(401, 403, 403, 403, 200)));
        list.add(new Endpoint("GET /api/imports/template.csv", c -> c.get("/api/imports/template.csv"), recordersOk));
        list.add(new Endpoint("GET /api/users", c -> c.get("/api/users"), statuses(401, 403, 403, 403, 200)));
        list.add(new Endpoint("POST /api/users", c -> c.post("/api/users", Map.of("username", "u" + UUID.randomUUID().toString()
                .substring(0, 8), "password", "a long passphrase", "roles", List.of("MANAGER"))), admins));
        list.add(new Endpoint("PUT /api/users/{name}/roles", c -> c.put("/api/users/reporter/roles",
                Map.of("roles", List.of("REPORTER"))), statuses(401, 403, 403, 403, 200)));
        list.add(new Endpoint("PUT /api/users/{name}/enabled", c -> c.put("/api/users/reporter/enabled",
                Map.of("enabled", true)), statuses(401, 403, 403, 403, 200)));
        list.add(new Endpoint("PUT /api/users/me/password", c -> c.put("/api/users/me/password",
                Map.of("currentPassword", "wrong", "newPassword", "a long passphrase")), statuses(401, 409, 409, 409, 409)));
        list.add(new Endpoint("GET /api/users/me", c -> c.get("/api/users/me"), statuses(401, 200, 200, 200, 200)));
        list.add(new Endpoint("GET /actuator/health", c -> c.get("/actuator/health"), statuses(200, 200, 200, 200, 200)));
        list.add(new Endpoint("GET /actuator/info", c -> c.get("/actuator/info"), statuses(401, 403, 403, 403, 200)));
        return list;
    }

    Stream<Arguments> cells() {
        return endpoints().stream().flatMap(e -> WHO.stream().map(who -> Arguments.of(e.name(), who, e)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("cells")
    void answersAsTheRoleAllows(String endpoint, String who, Endpoint e) {
        Api caller = who.equals(NONE) ? api.withCredentials(null, null) : api.as(who);
        Answer answer = e.call().apply(caller);
        assertThat(answer.status()).as(answer.body()).isEqualTo(e.expected().get(who));
        if (answer.status() == 401 || answer.status() == 403) {
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
    }

}
