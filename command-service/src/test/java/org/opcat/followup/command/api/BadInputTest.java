package org.opcat.followup.command.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opcat.followup.command.api.Api.Answer;
import org.opcat.followup.api.ProblemType;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every class of bad input answers a 4xx problem+json naming what is wrong, and leaves the event
 * table exactly as it was.
 */
@CommandServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {

    @Autowired
    Api api;

    UUID ministry;
    UUID administration;
    UUID stranger;
    UUID prison;
    UUID open;
    UUID implemented;

    @BeforeEach
    void records() {
        if (ministry != null) {
            return;
        }
        ministry = api.registerAuthority("司法部", "MINISTRY", null);
        administration = api.registerAuthority("监狱管理局", "DETENTION_ADMINISTRATION", ministry);
        stranger = api.registerAuthority("卫生部", "MINISTRY", null);
        prison = api.registerPlace("第一监狱", "PRISON", administration);
        open = issue("2025/V-001/R-01");
        implemented = issue("2025/V-001/R-02");
        assertThat(api.post("/api/recommendations/" + implemented + "/implementation",
                Map.of("implementedOn", "2026-01-10", "evidence", "已落实")).status()).isEqualTo(200);
    }

    private UUID issue(String reference) {
        Map<String, Object> body = valid();
        body.put("reference", reference);
        Answer answer = api.post("/api/recommendations", body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return UUID.fromString(answer.json().get("recommendationId").asText());
    }

    Map<String, Object> valid() {
        Map<String, Object> body = CommandApiTest.recommendation("2025/V-000/R-00", prison, administration);
        body.put("issuedOn", "2025-06-03");
        return body;
    }

    Map<String, Object> validWith(Consumer<Map<String, Object>> change) {
        Map<String, Object> body = valid();
        body.put("reference", "BAD-" + UUID.randomUUID().toString().substring(0, 8));
        change.accept(body);
        return body;
    }

    Map<String, Object> response(Consumer<Map<String, Object>> change) {
        Map<String, Object> body = new HashMap<>(Map.of("authorityId", administration, "receivedOn", "2025-07-01",
                "channel", "WRITTEN", "position", "ACCEPTED", "text", "接受"));
        change.accept(body);
        return body;
    }

    record Case(String name, String path, Object body, int status, String field, String[] headers) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Case bad(String name, String path, Object body, int status, String field, String... headers) {
        return new Case(name, path, body, status, field, headers);
    }

    Stream<Arguments> cases() {
        String recs = "/api/recommendations";
        String responses = recs + "/" + open + "/responses";
        String plans = recs + "/" + open + "/action-plans";
        List<Case> cases = new ArrayList<>(List.of(
                bad("malformed JSON", recs, "{\"reference\": ", 400, null),
                bad("not an object", recs, "[1,2,3]", 400, null),
                bad("empty body", recs, "", 400, null),
                bad("unknown field (a spoofed recordedBy)", recs, validWith(b -> b.put("recordedBy", "someone-else")), 400, "recordedBy"),
                bad("unknown enum value", recs, validWith(b -> b.put("priority", "VERY_HIGH")), 400, "priority"),
                bad("wrong type", recs, validWith(b -> b.put("confidential", "maybe")), 400, "confidential"),
                bad("number for a text", recs, validWith(b -> b.put("title", 42)), 400, "title"),
                bad("invalid date", recs, validWith(b -> b.put("issuedOn", "2025-02-30")), 400, "issuedOn"),
                bad("invalid UUID", recs, validWith(b -> b.put("placeId", "not-a-uuid")), 400, "placeId"),
                bad("missing title", recs, validWith(b -> b.remove("title")), 400, "title"),
                bad("null scope", recs, validWith(b -> b.put("scope", null)), 400, "scope"),
                bad("blank text", recs, validWith(b -> b.put("text", "   ")), 400, "text"),
                bad("title over 500 characters", recs, validWith(b -> b.put("title", "长".repeat(501))), 400, "title"),
                bad("text over 20000 characters", recs, validWith(b -> b.put("text", "x".repeat(20_001))), 400, "text"),
                bad("NUL character", recs, validWith(b -> b.put("title", "a\u0000b")), 400, "title"),
                bad("no addressee", recs, validWith(b -> b.put("addresseeAuthorityIds", List.of())), 400, "addresseeAuthorityIds"),
                bad("addressee twice", recs, validWith(b -> b.put("addresseeAuthorityIds", List.of(ministry, ministry))), 400, "addresseeAuthorityIds"),
                bad("bad language tag", recs, validWith(b -> b.put("language", "中文")), 400, "language"),
                bad("bad theme", recs, validWith(b -> b.put("themes", List.of("health care; DROP TABLE"))), 400, "themes[0]"),
                bad("issued in the future", recs, validWith(b -> b.put("issuedOn", "2026-11-27")), 400, "issuedOn"),
                bad("due before issued", recs, validWith(b -> b.put("responseDueOn", "2025-06-02")), 400, "responseDueOn"),
                bad("unknown addressee", recs, validWith(b -> b.put("addresseeAuthorityIds", List.of(UUID.randomUUID()))), 404, "addresseeAuthorityIds"),
                bad("unknown place", recs, validWith(b -> b.put("placeId", UUID.randomUUID())), 404, "placeId"),
                bad("a place id used as an addressee", recs, validWith(b -> b.put("addresseeAuthorityIds", List.of(prison))), 404, "addresseeAuthorityIds"),
                bad("duplicate reference", recs, validWith(b -> b.put("reference", "2025/V-001/R-01")), 409, "reference"),
                bad("a recommendation id that is an authority's", recs, validWith(b -> b.put("recommendationId", ministry)), 409, "recommendationId"),
                bad("unknown recommendation", recs + "/" + UUID.randomUUID() + "/responses", response(b -> { }), 404, null),
                bad("an authority's id as a recommendation", recs + "/" + ministry + "/responses", response(b -> { }), 404, null),
                bad("invalid id in the path", recs + "/123/responses", response(b -> { }), 400, null),
                bad("response from a non-addressee", responses, response(b -> b.put("authorityId", stranger)), 409, "authorityId"),
                bad("response before issue", responses, response(b -> b.put("receivedOn", "2025-06-02")), 409, "receivedOn"),
                bad("response in the future", responses, response(b -> b.put("receivedOn", "2026-11-27")), 400, "receivedOn"),
                bad("response with unknown channel", responses, response(b -> b.put("channel", "CARRIER_PIGEON")), 400, "channel"),
                bad("stale version", recs + "/" + implemented + "/reopening", Map.of("reopenedOn", "2026-01-10", "reason", "r"), 409, "If-Match", "If-Match", "\"0\""),
                bad("unreadable If-Match", responses, response(b -> { }), 400, "If-Match", "If-Match", "\"v3\""),
                bad("response to an implemented recommendation", recs + "/" + implemented + "/responses", response(b -> { }), 409, null),
                bad("plan without measures", plans, Map.of("authorityId", administration, "filedOn", "2025-07-01", "measures", List.of()), 400, "measures"),
                bad("measure before the plan", plans, Map.of("authorityId", administration, "filedOn", "2025-07-01",
                        "measures", List.of(Map.of("description", "d", "responsibleUnit", "u", "targetDate", "2025-06-30"))), 400, "measures[0].targetDate"),
                bad("measure without description", plans, Map.of("authorityId", administration, "filedOn", "2025-07-01",
                        "measures", List.of(Map.of("responsibleUnit", "u", "targetDate", "2025-07-30"))), 400, "measures[0].description"),
                bad("assessed as not assessed", recs + "/" + open + "/assessments",
                        Map.of("assessedOn", "2025-07-01", "status", "NOT_ASSESSED", "basis", "b"), 400, "status"),
                bad("visit to an unknown place", recs + "/" + open + "/follow-up-visits",
                        Map.of("visitedOn", "2025-07-01", "placeId", UUID.randomUUID(), "findings", "f", "assessedStatus", "IN_PROGRESS"), 404, "placeId"),
                bad("reopening an open recommendation", recs + "/" + open + "/reopening", Map.of("reopenedOn", "2025-07-01", "reason", "r"), 409, null),
                bad("implemented twice", recs + "/" + implemented + "/implementation", Map.of("implementedOn", "2026-01-11", "evidence", "e"), 409, null),
                bad("superseded without successor", recs + "/" + open + "/withdrawal", Map.of("withdrawnOn", "2025-07-01", "reason", "SUPERSEDED"), 400, "supersededBy"),
                bad("authority with unknown parent", "/api/authorities", Map.of("name", "n", "kind", "OTHER", "parentAuthorityId", UUID.randomUUID()), 404, "parentAuthorityId"),
                bad("authority with unknown kind", "/api/authorities", Map.of("name", "n", "kind", "CHURCH"), 400, "kind"),
                // The recommendation was just stored, so it is in the aggregate cache: the guard answers from there.
                bad("an authority id that is a recommendation's", "/api/authorities",
                        Map.of("authorityId", implemented, "name", "监所管理处", "kind", "OTHER"), 409, "authorityId"),
                bad("place of an unknown authority", "/api/places", Map.of("name", "n", "type", "PRISON", "region", "r", "authorityId", UUID.randomUUID()), 404, "authorityId"),
                bad("place without type", "/api/places", Map.of("name", "n", "region", "r", "authorityId", ministry), 400, "type"),
                bad("date with a six-digit year", recs, validWith(b -> b.put("issuedOn", "+100000-01-01")), 400, "issuedOn"),
                bad("date as a number", recs, validWith(b -> b.put("issuedOn", 20250603)), 400, "issuedOn"),
                bad("month 13", recs, validWith(b -> b.put("responseDueOn", "2025-13-01")), 400, "responseDueOn"),
                bad("date before the common era", recs, validWith(b -> b.put("issuedOn", "-0001-01-01")), 400, "issuedOn"),
                bad("response dated 1899", recs + "/" + open + "/responses", response(b -> b.put("receivedOn", "1899-12-31")), 400, "receivedOn"),
                bad("null in the addressee list", recs, validWith(b -> b.put("addresseeAuthorityIds", java.util.Arrays.asList(ministry, null))), 400, "addresseeAuthorityIds[1]"),
                bad("an object where a list goes", recs, validWith(b -> b.put("themes", Map.of("a", 1))), 400, "themes"),
                bad("a list where an object goes", recs, validWith(b -> b.put("source", List.of("VISIT_REPORT"))), 400, "source"),
                bad("SQL in an enum", recs, validWith(b -> b.put("scope", "SYSTEMIC'; DROP TABLE events.domain_event_entry; --")), 400, "scope"),
                bad("HTML in the language", recs, validWith(b -> b.put("language", "<script>alert(1)</script>")), 400, "language"),
                bad("right-to-left text in a theme", recs, validWith(b -> b.put("themes", List.of("\u202Eevil-theme"))), 400, "themes[0]"),
                bad("emoji in the language", recs, validWith(b -> b.put("language", "🇨🇳")), 400, "language"),
                bad("a lone surrogate", recs, "{\"title\":\"\\ud800\"}", 400, "title"),
                bad("empty reference", recs, validWith(b -> b.put("reference", "")), 400, "reference"),
                bad("reference of 65 characters", recs, validWith(b -> b.put("reference", "R".repeat(65))), 400, "reference"),
                bad("61 themes", recs, validWith(b -> b.put("themes", java.util.Collections.nCopies(31, "health-care"))), 400, "themes"),
                bad("SQL in the path id", recs + "/%27%20OR%201%3D1%20--/responses", response(b -> { }), 400, null),
                bad("empty measure list item", plans, Map.of("authorityId", administration, "filedOn", "2025-07-01",
                        "measures", java.util.Arrays.asList((Object) null)), 400, "measures[0]"),
                bad("number where the boolean goes", recs, validWith(b -> b.put("confidential", 1)), 400, "confidential"),
                bad("user with a weak password", "/api/users", Map.of("username", "wang", "password", "short", "roles", List.of("ANALYST")), 400, null),
                bad("user with an unknown role", "/api/users", Map.of("username", "wang", "password", "a long passphrase", "roles", List.of("ROOT")), 400, "roles[0]"),
                bad("a body of 10 MB", recs, "{\"title\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}", 413, null)));
        return cases.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedClearlyAndStoresNothing(Case bad) {
        long before = api.storedEvents();
        Answer answer = api.as("admin").post(bad.path(), bad.body(), bad.headers());
        assertThat(answer.status()).as(answer.body()).isEqualTo(bad.status());
        assertThat(answer.contentType()).startsWith("application/problem+json");
        var problem = answer.json();
        assertThat(problem.get("status").asInt()).isEqualTo(bad.status());
        assertThat(problem.get("type").asText()).startsWith(ProblemType.BASE);
        if (bad.status() == 404) {
            // The one type of an unknown id, as the query API and the user register answer it.
            assertThat(problem.get("type").asText()).isEqualTo(ProblemType.BASE + "not-found");
        }
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).isNotBlank();
        if (bad.field() != null) {
            assertThat(problem.get("errors")).as(answer.body()).isNotNull();
            assertThat(problem.get("errors").findValuesAsText("field")).contains(bad.field());
        }
        assertThat(api.storedEvents()).isEqualTo(before);
    }

    @ParameterizedTest(name = "content type {0}")
    @MethodSource("contentTypes")
    void aBodyThatIsNotJsonIsRefused(String contentType, int status) throws Exception {
        long before = api.storedEvents();
        String json = new ObjectMapper().writeValueAsString(valid());
        Answer answer = api.send("POST", "/api/recommendations", contentType, HttpRequest.BodyPublishers.ofString(json));
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(api.storedEvents()).isEqualTo(before);
    }

    static Stream<Arguments> contentTypes() {
        return Stream.of(Arguments.of("text/plain", 415), Arguments.of("application/xml", 415),
                Arguments.of(null, 415));
    }
}
