package org.opcat.followup.query.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.opcat.followup.query.scenario.FollowUpStory.HEALTH_MINISTRY;
import static org.opcat.followup.query.scenario.FollowUpStory.HOSPITAL_Y;
import static org.opcat.followup.query.scenario.FollowUpStory.MINISTRY;
import static org.opcat.followup.query.scenario.FollowUpStory.PRISON_ADMINISTRATION;
import static org.opcat.followup.query.scenario.FollowUpStory.PRISON_MANAGEMENT;
import static org.opcat.followup.query.scenario.FollowUpStory.PRISON_X;
import static org.opcat.followup.query.scenario.FollowUpStory.R1;
import static org.opcat.followup.query.scenario.FollowUpStory.R2;
import static org.opcat.followup.query.scenario.FollowUpStory.R3;
import static org.opcat.followup.query.scenario.FollowUpStory.R4;
import static org.opcat.followup.query.scenario.FollowUpStory.R5;
import static org.opcat.followup.query.scenario.FollowUpStory.R6;
import static org.opcat.followup.query.scenario.FollowUpStory.R7;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opcat.followup.query.EventLog;
import org.opcat.followup.query.QueryServiceTest;
import org.opcat.followup.query.freshness.ReadYourWrites;
import org.opcat.followup.api.ProblemType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every query endpoint, field by field, over {@link FollowUpStory}, with "today" fixed at
 * 2026-06-15. The story is told once; each test only reads.
 */
@QueryServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryApiScenarioTest {

    @Autowired
    EventLog events;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ReadYourWrites readYourWrites;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    void tellTheStory() {
        long[] versions = FollowUpStory.tell(events);
        UUID[] ids = {R1, R2, R3, R4, R5, R6, R7};
        for (int i = 0; i < ids.length; i++) {
            readYourWrites.await(ids[i], versions[i]);
        }
        // Registrations carry no version to wait for.
        await().atMost(Duration.ofSeconds(10)).until(() ->
                jdbc.queryForObject("SELECT count(*) FROM authority", Long.class) == 4
                        && jdbc.queryForObject("SELECT count(*) FROM place", Long.class) == 2);
    }

    JsonNode get(String url, Object... variables) {
        ResponseEntity<JsonNode> answer = http.getForEntity(url, JsonNode.class, variables);
        assertThat(answer.getStatusCode().value()).as(url + " -> " + answer.getBody()).isEqualTo(200);
        return answer.getBody();
    }

    ResponseEntity<JsonNode> getRaw(String url, Object... variables) {
        return http.getForEntity(url, JsonNode.class, variables);
    }

    static List<String> references(JsonNode page) {
        List<String> references = new ArrayList<>();
        page.get("content").forEach(s -> references.add(s.get("reference").asText()));
        return references;
    }

    static JsonNode json(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    static final String REF1 = "2026/V-001/R-01";
    static final String REF2 = "2025/T-002/R-01";
    static final String REF3 = "2026/V-003/R-01";
    static final String REF4 = "2025/V-010/R-04";
    static final String REF5 = "2026/V-005/R-02";
    static final String REF6 = "2026/V-006/R-01";
    static final String REF7 = "2026/V-007/R-01";

    // ---- GET /api/recommendations/{id}

    @Test
    void the_chinese_recommendation_after_answer_plan_visit_and_assessment() {
        JsonNode r = get("/api/recommendations/" + R1);
        assertThat(r.get("recommendationId").asText()).isEqualTo(R1.toString());
        assertThat(r.get("reference").asText()).isEqualTo(REF1);
        assertThat(r.get("title").asText()).isEqualTo(FollowUpStory.R1_TITLE);
        assertThat(r.get("text").asText()).isEqualTo(FollowUpStory.R1_TEXT);
        assertThat(r.get("language").asText()).isEqualTo("zh");
        assertThat(r.get("issuedOn").asText()).isEqualTo("2026-01-10");
        assertThat(r.get("placeId").asText()).isEqualTo(PRISON_X.toString());
        assertThat(texts(r.get("addresseeAuthorityIds"))).containsExactly(PRISON_MANAGEMENT.toString());
        assertThat(texts(r.get("themes"))).containsExactly("dialogue", "health-care");
        assertThat(r.get("scope").asText()).isEqualTo("PLACE_SPECIFIC");
        assertThat(r.get("priority").asText()).isEqualTo("URGENT");
        assertThat(r.get("confidential").asBoolean()).isFalse();
        assertThat(r.get("stage").asText()).isEqualTo("ACTION_PLAN_FILED");
        assertThat(r.get("open").asBoolean()).isTrue();
        // Visit (IN_PROGRESS) and desk assessment (PARTIALLY_IMPLEMENTED) share a date: the later recorded wins.
        assertThat(r.get("implementationStatus").asText()).isEqualTo("PARTIALLY_IMPLEMENTED");
        assertThat(r.get("authorityPosition").asText()).isEqualTo("ACCEPTED");
        assertThat(r.get("responseDueOn").asText()).isEqualTo("2026-03-01");
        assertThat(r.get("responseOverdue").asBoolean()).isFalse();
        assertThat(r.get("lastActivityOn").asText()).isEqualTo("2026-04-10");
        assertThat(r.get("version").asLong()).isEqualTo(4);
        assertThat(r.get("source").get("kind").asText()).isEqualTo("VISIT_REPORT");
        assertThat(r.get("source").get("documentReference").asText()).isEqualTo("V-001");
        assertThat(texts(r.get("standards"))).containsExactly("Mandela Rules 24", "OPCAT art. 22");

        JsonNode response = r.get("responses").get(0);
        assertThat(r.get("responses")).hasSize(1);
        assertThat(response.get("responseId").asText()).isEqualTo(FollowUpStory.R1_RESPONSE.toString());
        assertThat(response.get("authorityId").asText()).isEqualTo(PRISON_MANAGEMENT.toString());
        assertThat(response.get("receivedOn").asText()).isEqualTo("2026-02-20");
        assertThat(response.get("channel").asText()).isEqualTo("WRITTEN");
        assertThat(response.get("position").asText()).isEqualTo("ACCEPTED");
        assertThat(response.get("text").asText()).isEqualTo("我们接受该建议。");
        assertThat(response.get("documentReference").asText()).isEqualTo("函〔2026〕7号");

        JsonNode plan = r.get("actionPlans").get(0);
        assertThat(r.get("actionPlans")).hasSize(1);
        assertThat(plan.get("actionPlanId").asText()).isEqualTo(FollowUpStory.R1_PLAN.toString());
        assertThat(plan.get("authorityId").asText()).isEqualTo(PRISON_MANAGEMENT.toString());
        assertThat(plan.get("filedOn").asText()).isEqualTo("2026-03-05");
        assertThat(plan.get("measures")).hasSize(2);
        assertThat(plan.get("measures").get(0).get("description").asText()).isEqualTo("培训医务人员");
        assertThat(plan.get("measures").get(0).get("responsibleUnit").asText()).isEqualTo("医务科");
        assertThat(plan.get("measures").get(0).get("targetDate").asText()).isEqualTo("2026-05-01");
        assertThat(plan.get("measures").get(1).get("description").asText()).isEqualTo("Renovate the infirmary");
        assertThat(plan.get("measures").get(1).get("targetDate").asText()).isEqualTo("2026-09-30");

        JsonNode visit = r.get("followUpVisits").get(0);
        assertThat(r.get("followUpVisits")).hasSize(1);
        assertThat(visit.get("followUpId").asText()).isEqualTo(FollowUpStory.R1_VISIT.toString());
        assertThat(visit.get("visitedOn").asText()).isEqualTo("2026-04-10");
        assertThat(visit.get("placeId").asText()).isEqualTo(PRISON_X.toString());
        assertThat(visit.get("findings").asText()).isEqualTo("培训已开始");
        assertThat(visit.get("assessedStatus").asText()).isEqualTo("IN_PROGRESS");

        JsonNode assessment = r.get("assessments").get(0);
        assertThat(r.get("assessments")).hasSize(1);
        assertThat(assessment.get("assessmentId").asText()).isEqualTo(FollowUpStory.R1_ASSESSMENT.toString());
        assertThat(assessment.get("assessedOn").asText()).isEqualTo("2026-04-10");
        assertThat(assessment.get("status").asText()).isEqualTo("PARTIALLY_IMPLEMENTED");
        assertThat(assessment.get("basis").asText()).isEqualTo("Ombudsman report 2026");
        assertThat(assessment.get("note").isNull()).isTrue();

        assertThat(r.get("reiterations")).isEmpty();
        assertThat(r.get("reopenings")).isEmpty();
        assertThat(r.get("implemented").isNull()).isTrue();
        assertThat(r.get("withdrawn").isNull()).isTrue();
    }

    @Test
    void an_overdue_recommendation_nobody_answered() {
        JsonNode r = get("/api/recommendations/" + R2);
        assertThat(r.get("stage").asText()).isEqualTo("AWAITING_RESPONSE");
        assertThat(r.get("open").asBoolean()).isTrue();
        assertThat(r.get("implementationStatus").asText()).isEqualTo("NOT_ASSESSED");
        assertThat(r.get("authorityPosition").asText()).isEqualTo("NONE");
        assertThat(r.get("responseDueOn").asText()).isEqualTo("2026-01-15");
        assertThat(r.get("responseOverdue").asBoolean()).isTrue();
        assertThat(r.get("placeId").isNull()).isTrue();
        assertThat(r.get("scope").asText()).isEqualTo("SYSTEMIC");
        assertThat(texts(r.get("addresseeAuthorityIds")))
                .containsExactly(MINISTRY.toString(), HEALTH_MINISTRY.toString());
        assertThat(r.get("version").asLong()).isZero();
        assertThat(r.get("lastActivityOn").asText()).isEqualTo("2025-11-01");
    }

    @Test
    void an_implemented_recommendation() {
        JsonNode r = get("/api/recommendations/" + R3);
        assertThat(r.get("stage").asText()).isEqualTo("IMPLEMENTED");
        assertThat(r.get("open").asBoolean()).isFalse();
        assertThat(r.get("implementationStatus").asText()).isEqualTo("IMPLEMENTED");
        assertThat(r.get("authorityPosition").asText()).isEqualTo("ACCEPTED");
        assertThat(r.get("responseOverdue").asBoolean()).isFalse();
        assertThat(r.get("implemented").get("implementedOn").asText()).isEqualTo("2026-05-20");
        assertThat(r.get("implemented").get("evidence").asText()).isEqualTo("Registers seen on visit");
        assertThat(r.get("responses").get(0).get("channel").asText()).isEqualTo("MEETING");
        assertThat(r.get("responses").get(0).get("documentReference").isNull()).isTrue();
        assertThat(r.get("lastActivityOn").asText()).isEqualTo("2026-05-20");
    }

    @Test
    void withdrawn_reopened_and_reiterated() {
        JsonNode r = get("/api/recommendations/" + R4);
        assertThat(r.get("stage").asText()).isEqualTo("RESPONDED");
        assertThat(r.get("open").asBoolean()).isTrue();
        // The letter of 1 April (REJECTED) is the latest by received date, though the oral answer
        // of 20 March was recorded after it.
        assertThat(r.get("authorityPosition").asText()).isEqualTo("REJECTED");
        assertThat(r.get("confidential").asBoolean()).isTrue();
        assertThat(r.get("responses")).hasSize(2);
        assertThat(r.get("responses").get(0).get("receivedOn").asText()).isEqualTo("2025-03-20");
        assertThat(r.get("responses").get(1).get("receivedOn").asText()).isEqualTo("2025-04-01");
        assertThat(r.get("withdrawn").get("withdrawnOn").asText()).isEqualTo("2025-06-01");
        assertThat(r.get("withdrawn").get("reason").asText()).isEqualTo("NO_LONGER_APPLICABLE");
        assertThat(r.get("withdrawn").get("supersededBy").isNull()).isTrue();
        assertThat(r.get("reopenings")).hasSize(1);
        assertThat(r.get("reopenings").get(0).get("reopenedOn").asText()).isEqualTo("2025-07-01");
        assertThat(r.get("reopenings").get(0).get("reason").asText()).isEqualTo("Juveniles held again");
        assertThat(r.get("reiterations")).hasSize(1);
        assertThat(r.get("reiterations").get(0).get("reiteratedOn").asText()).isEqualTo("2026-01-20");
        assertThat(r.get("reiterations").get(0).get("documentReference").asText()).isEqualTo("Annual report 2025");
        assertThat(r.get("version").asLong()).isEqualTo(5);
        assertThat(r.get("lastActivityOn").asText()).isEqualTo("2026-01-20");
        // Answered, so not overdue although its due date (2025-05-01) has long passed.
        assertThat(r.get("responseOverdue").asBoolean()).isFalse();
    }

    @Test
    void implemented_then_reopened_after_a_relapse() {
        JsonNode r = get("/api/recommendations/" + R5);
        assertThat(r.get("stage").asText()).isEqualTo("AWAITING_RESPONSE");
        assertThat(r.get("open").asBoolean()).isTrue();
        // SPEC §3 taken literally: once reopened, the latest assessment counts again (the visit said IMPLEMENTED).
        assertThat(r.get("implementationStatus").asText()).isEqualTo("IMPLEMENTED");
        assertThat(r.get("implemented").get("implementedOn").asText()).isEqualTo("2026-04-02");
        assertThat(r.get("reopenings").get(0).get("reason").asText()).isEqualTo("Broken again");
        assertThat(r.get("responseOverdue").asBoolean()).isFalse();
    }

    @Test
    void withdrawn_as_superseded() {
        JsonNode r = get("/api/recommendations/" + R6);
        assertThat(r.get("stage").asText()).isEqualTo("WITHDRAWN");
        assertThat(r.get("open").asBoolean()).isFalse();
        assertThat(r.get("withdrawn").get("reason").asText()).isEqualTo("SUPERSEDED");
        assertThat(r.get("withdrawn").get("supersededBy").asText()).isEqualTo(R1.toString());
    }

    @Test
    void unknown_id_is_404_problem() {
        ResponseEntity<JsonNode> answer = getRaw("/api/recommendations/" + UUID.randomUUID());
        assertThat(answer.getStatusCode().value()).isEqualTo(404);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody().get("status").asInt()).isEqualTo(404);
        assertThat(answer.getBody().get("title").asText()).isEqualTo("Not found");
        assertThat(answer.getBody().get("type").asText()).endsWith("/not-found");
    }

    @Test
    void springs_own_refusals_get_a_problem_type_of_ours_too() {
        ResponseEntity<JsonNode> answer = getRaw("/api/no-such-list");
        assertThat(answer.getStatusCode().value()).isEqualTo(404);
        assertThat(answer.getBody().get("type").asText()).isEqualTo(ProblemType.BASE + "not-found");
    }

    @Test
    void malformed_id_is_400_problem() {
        ResponseEntity<JsonNode> answer = getRaw("/api/recommendations/not-a-uuid");
        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getBody().get("errors").get(0).get("field").asText()).isEqualTo("id");
    }

    @Test
    void problems_carry_a_code_and_are_worded_in_the_asked_language() {
        org.springframework.http.HttpHeaders chinese = new org.springframework.http.HttpHeaders();
        chinese.set(org.springframework.http.HttpHeaders.ACCEPT_LANGUAGE, "zh-CN");
        ResponseEntity<JsonNode> english = getRaw("/api/recommendations?size=1000");
        assertThat(english.getBody().get("code").asText()).isEqualTo("between");
        assertThat(english.getBody().get("detail").asText()).isEqualTo("size: must be between 1 and 200");
        ResponseEntity<JsonNode> answer = http.exchange("/api/recommendations?size=1000", org.springframework.http.HttpMethod.GET,
                new org.springframework.http.HttpEntity<>(chinese), JsonNode.class);
        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        JsonNode error = answer.getBody().get("errors").get(0);
        assertThat(error.get("code").asText()).isEqualTo("between");
        assertThat(error.get("args").get("max").asInt()).isEqualTo(200);
        assertThat(error.get("message").asText()).isEqualTo("必须在 1 到 200 之间");
        assertThat(answer.getBody().get("detail").asText()).isEqualTo("size: 必须在 1 到 200 之间");

        UUID unknown = UUID.randomUUID();
        ResponseEntity<JsonNode> notFound = http.exchange("/api/recommendations/" + unknown, org.springframework.http.HttpMethod.GET,
                new org.springframework.http.HttpEntity<>(chinese), JsonNode.class);
        assertThat(notFound.getStatusCode().value()).isEqualTo(404);
        assertThat(notFound.getBody().get("type").asText()).isEqualTo(ProblemType.BASE + "not-found");
        assertThat(notFound.getBody().get("code").asText()).isEqualTo("unknown-recommendation");
        assertThat(notFound.getBody().get("detail").asText()).isEqualTo("没有 id 为 " + unknown + " 的建议");

        ResponseEntity<JsonNode> notADate = http.exchange("/api/recommendations?issuedFrom=2026-02-30",
                org.springframework.http.HttpMethod.GET, new org.springframework.http.HttpEntity<>(chinese), JsonNode.class);
        assertThat(notADate.getStatusCode().value()).as(String.valueOf(notADate.getBody())).isEqualTo(400);
        assertThat(notADate.getBody().get("code").asText()).isEqualTo("not-a-date");
        assertThat(notADate.getBody().get("errors").get(0).get("message").asText()).isEqualTo("“2026-02-30”不是日期（yyyy-mm-dd）");
    }

    // ---- GET /api/recommendations/{id}/history

    @Test
    void every_event_in_order_with_who_and_when() {
        JsonNode h = get("/api/recommendations/" + R1 + "/history");
        assertThat(h).hasSize(5);
        String[][] expected = {
                {"0", "ISSUED", "2026-01-10", "2026-01-11T09:30:00Z", "alice"},
                {"1", "RESPONSE_RECORDED", "2026-02-20", "2026-02-21T09:30:00Z", "alice"},
                {"2", "ACTION_PLAN_FILED", "2026-03-05", "2026-03-06T09:30:00Z", "bob"},
                {"3", "FOLLOW_UP_VISIT_RECORDED", "2026-04-10", "2026-04-11T09:30:00Z", "alice"},
                {"4", "IMPLEMENTATION_ASSESSED", "2026-04-10", "2026-04-12T09:30:00Z", "bob"}};
        for (int i = 0; i < expected.length; i++) {
            JsonNode e = h.get(i);
            assertThat(e.get("version").asText()).isEqualTo(expected[i][0]);
            assertThat(e.get("type").asText()).isEqualTo(expected[i][1]);
            assertThat(e.get("businessDate").asText()).isEqualTo(expected[i][2]);
            assertThat(e.get("recordedAt").asText()).isEqualTo(expected[i][3]);
            assertThat(e.get("recordedBy").asText()).isEqualTo(expected[i][4]);
        }
        assertThat(h.get(0).get("summary").asText())
                .isEqualTo("Issued 2026/V-001/R-01 (URGENT, PLACE_SPECIFIC) to 1 authority, response due 2026-03-01");
        assertThat(h.get(1).get("summary").asText()).isEqualTo("WRITTEN response: ACCEPTED");
        assertThat(h.get(2).get("summary").asText()).isEqualTo("Action plan with 2 measures, last target 2026-09-30");
        assertThat(h.get(3).get("summary").asText()).isEqualTo("Follow-up visit: IN_PROGRESS");
        assertThat(h.get(4).get("summary").asText())
                .isEqualTo("Assessed PARTIALLY_IMPLEMENTED on the basis of: Ombudsman report 2026");
    }

    @Test
    void every_line_carries_its_facts_as_fields_for_a_reader_in_another_language() {
        JsonNode h = get("/api/recommendations/" + R1 + "/history");
        assertThat(h.get(0).get("details")).isEqualTo(json("""
                {"reference": "2026/V-001/R-01", "priority": "URGENT", "scope": "PLACE_SPECIFIC", "addressees": 1,
                 "responseDueOn": "2026-03-01"}"""));
        assertThat(h.get(1).get("details")).isEqualTo(json("""
                {"authorityId": "%s", "channel": "WRITTEN", "position": "ACCEPTED", "text": "我们接受该建议。",
                 "documentReference": "函〔2026〕7号"}""".formatted(PRISON_MANAGEMENT)));
        assertThat(h.get(2).get("details").get("measures").asInt()).isEqualTo(2);
        assertThat(h.get(2).get("details").get("lastTargetDate").asText()).isEqualTo("2026-09-30");
        assertThat(h.get(3).get("details").get("findings").asText()).isEqualTo("培训已开始");
        assertThat(h.get(3).get("details").get("assessedStatus").asText()).isEqualTo("IN_PROGRESS");
        assertThat(h.get(3).get("details").get("placeId").asText()).isEqualTo(PRISON_X.toString());
        // A note left empty is left out, not written as null.
        assertThat(h.get(4).get("details"))
                .isEqualTo(json("{\"status\": \"PARTIALLY_IMPLEMENTED\", \"basis\": \"Ombudsman report 2026\"}"));
        JsonNode reopened = get("/api/recommendations/" + R4 + "/history");
        assertThat(reopened.get(3).get("details").get("reason").asText()).isEqualTo("NO_LONGER_APPLICABLE");
        assertThat(reopened.get(4).get("details").get("reason").asText()).isEqualTo("Juveniles held again");
        assertThat(reopened.get(5).get("details").get("documentReference").asText()).isEqualTo("Annual report 2025");
        assertThat(get("/api/recommendations/" + R3 + "/history").get(2).get("details").has("evidence")).isTrue();
    }

    @Test
    void closing_and_reopening_events() {
        JsonNode h = get("/api/recommendations/" + R4 + "/history");
        assertThat(h).hasSize(6);
        List<String> types = new ArrayList<>();
        h.forEach(e -> types.add(e.get("type").asText()));
        assertThat(types).containsExactly("ISSUED", "RESPONSE_RECORDED", "RESPONSE_RECORDED", "WITHDRAWN",
                "REOPENED", "REITERATED");
        assertThat(h.get(3).get("summary").asText()).isEqualTo("Withdrawn: NO_LONGER_APPLICABLE");
        assertThat(h.get(4).get("summary").asText()).isEqualTo("Reopened: Juveniles held again");
        assertThat(h.get(5).get("summary").asText()).isEqualTo("Reiterated in Annual report 2025");
        assertThat(get("/api/recommendations/" + R3 + "/history").get(2).get("summary").asText())
                .isEqualTo("Implemented");
    }

    @Test
    void unknown_recommendation_is_404() {
        assertThat(getRaw("/api/recommendations/" + UUID.randomUUID() + "/history").getStatusCode().value())
                .isEqualTo(404);
    }

    // ---- GET /api/recommendations: filters, q, paging, sorting, bad values

    @Test
    void everything_newest_first_by_default() {
        JsonNode page = get("/api/recommendations");
        assertThat(references(page)).containsExactly(REF7, REF6, REF5, REF3, REF1, REF2, REF4);
        assertThat(page.get("page").asInt()).isZero();
        assertThat(page.get("size").asInt()).isEqualTo(20);
        assertThat(page.get("totalElements").asLong()).isEqualTo(7);
        assertThat(page.get("totalPages").asInt()).isEqualTo(1);
    }

    @Test
    void a_summary_has_every_field() {
        JsonNode page = get("/api/recommendations?priority=URGENT");
        assertThat(page.get("content")).hasSize(1);
        JsonNode s = page.get("content").get(0);
        assertThat(s.get("recommendationId").asText()).isEqualTo(R1.toString());
        assertThat(s.get("reference").asText()).isEqualTo(REF1);
        assertThat(s.get("title").asText()).isEqualTo(FollowUpStory.R1_TITLE);
        assertThat(s.get("issuedOn").asText()).isEqualTo("2026-01-10");
        assertThat(s.get("placeId").asText()).isEqualTo(PRISON_X.toString());
        assertThat(texts(s.get("addresseeAuthorityIds"))).containsExactly(PRISON_MANAGEMENT.toString());
        assertThat(texts(s.get("themes"))).containsExactly("dialogue", "health-care");
        assertThat(s.get("priority").asText()).isEqualTo("URGENT");
        assertThat(s.get("stage").asText()).isEqualTo("ACTION_PLAN_FILED");
        assertThat(s.get("open").asBoolean()).isTrue();
        assertThat(s.get("implementationStatus").asText()).isEqualTo("PARTIALLY_IMPLEMENTED");
        assertThat(s.get("authorityPosition").asText()).isEqualTo("ACCEPTED");
        assertThat(s.get("responseDueOn").asText()).isEqualTo("2026-03-01");
        assertThat(s.get("responseOverdue").asBoolean()).isFalse();
        assertThat(s.get("lastActivityOn").asText()).isEqualTo("2026-04-10");
        assertThat(s.get("version").asLong()).isEqualTo(4);
        assertThat(s.get("confidential").asBoolean()).isFalse();
        assertThat(s.get("language").asText()).isEqualTo("zh");
        assertThat(s.get("scope").asText()).isEqualTo("PLACE_SPECIFIC");
        assertThat(s.has("text")).as("the list carries no full text").isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "stage=AWAITING_RESPONSE | 2026/V-007/R-01 2026/V-005/R-02 2025/T-002/R-01",
            "stage=AWAITING_RESPONSE&stage=RESPONDED | 2026/V-007/R-01 2026/V-005/R-02 2025/T-002/R-01 2025/V-010/R-04",
            "stage=ACTION_PLAN_FILED | 2026/V-001/R-01",
            "stage=WITHDRAWN | 2026/V-006/R-01",
            "open=false | 2026/V-006/R-01 2026/V-003/R-01",
            "open=true | 2026/V-007/R-01 2026/V-005/R-02 2026/V-001/R-01 2025/T-002/R-01 2025/V-010/R-04",
            "implementationStatus=PARTIALLY_IMPLEMENTED | 2026/V-001/R-01",
            "implementationStatus=IMPLEMENTED | 2026/V-005/R-02 2026/V-003/R-01",
            "implementationStatus=NOT_ASSESSED | 2026/V-007/R-01 2026/V-006/R-01 2025/T-002/R-01 2025/V-010/R-04",
            "placeId=00000000-0000-0000-0000-0000000000f1 | 2026/V-005/R-02 2026/V-001/R-01",
            "theme=health-care | 2026/V-007/R-01 2026/V-006/R-01 2026/V-001/R-01",
            "theme=Use-Of-Force | 2025/T-002/R-01",
            "priority=HIGH | 2025/T-002/R-01 2025/V-010/R-04",
            "responseOverdue=true | 2025/T-002/R-01",
            "responseOverdue=false | 2026/V-007/R-01 2026/V-006/R-01 2026/V-005/R-02 2026/V-003/R-01 2026/V-001/R-01 2025/V-010/R-04",
            "issuedFrom=2026-01-10&issuedTo=2026-03-01 | 2026/V-005/R-02 2026/V-003/R-01 2026/V-001/R-01",
            "issuedTo=2025-12-31 | 2025/T-002/R-01 2025/V-010/R-04",
            "open=true&priority=NORMAL&theme=health-care | 2026/V-007/R-01",
            "open=true&authorityId=00000000-0000-0000-0000-00000000000a&responseOverdue=false | 2026/V-005/R-02 2026/V-001/R-01",
            "stage=IMPLEMENTED&issuedFrom=2026-03-01 | ",
            "authorityId=00000000-0000-0000-0000-0000000000ff | ",
    })
    void filters_combine(String query, String expected) {
        JsonNode page = get("/api/recommendations?" + query);
        List<String> want = expected == null ? List.of() : List.of(expected.trim().split(" "));
        assertThat(references(page)).containsExactlyElementsOf(want);
        assertThat(page.get("totalElements").asLong()).isEqualTo(want.size());
    }

    @Test
    void authority_filter_takes_in_every_body_it_supervises() {
        // Ministry -> prison administration -> prison X management.
        assertThat(references(get("/api/recommendations?authorityId={a}", MINISTRY)))
                .containsExactly(REF6, REF5, REF3, REF1, REF2);
        assertThat(references(get("/api/recommendations?authorityId={a}", PRISON_ADMINISTRATION)))
                .containsExactly(REF5, REF3, REF1);
        assertThat(references(get("/api/recommendations?authorityId={a}", PRISON_MANAGEMENT)))
                .containsExactly(REF5, REF1);
        assertThat(references(get("/api/recommendations?authorityId={a}", HEALTH_MINISTRY)))
                .containsExactly(REF7, REF2, REF4);
    }

    @Test
    void q_finds_a_chinese_word_inside_chinese_text() {
        assertThat(references(get("/api/recommendations?q={q}", "行动计划"))).containsExactly(REF1);
        assertThat(references(get("/api/recommendations?q={q}", "监管部门"))).containsExactly(REF1);
        assertThat(references(get("/api/recommendations?q={q}", "建设性 改革"))).containsExactly(REF1);
        assertThat(references(get("/api/recommendations?q={q}", "建设性 ventilation"))).isEmpty();
    }

    @Test
    void q_matches_reference_title_and_text_ignoring_case_and_width() {
        assertThat(references(get("/api/recommendations?q={q}", "RESTRAINT"))).containsExactly(REF2);
        assertThat(references(get("/api/recommendations?q={q}", "v-005"))).containsExactly(REF5);
        assertThat(references(get("/api/recommendations?q={q}", "block b"))).containsExactly(REF5);
        // Full-width letters, as typed with a Chinese input method.
        assertThat(references(get("/api/recommendations?q={q}", "ＲＥＳＴＲＡＩＮＴ"))).containsExactly(REF2);
    }

    @Test
    void sql_metacharacters_in_q_are_plain_characters() {
        assertThat(references(get("/api/recommendations?q={q}", "100%"))).containsExactly(REF7);
        assertThat(references(get("/api/recommendations?q={q}", "%"))).containsExactly(REF7);
        assertThat(references(get("/api/recommendations?q={q}", "_"))).containsExactly(REF7);
        assertThat(references(get("/api/recommendations?q={q}", "cells_1"))).containsExactly(REF7);
        assertThat(references(get("/api/recommendations?q={q}", "o'brien's"))).containsExactly(REF7);
        assertThat(references(get("/api/recommendations?q={q}", "\\ \"report\""))).containsExactly(REF7);
        assertThat(references(get("/api/recommendations?q={q}", "' OR '1'='1"))).isEmpty();
        assertThat(references(get("/api/recommendations?q={q}", "x'); DROP TABLE recommendation_summary; --")))
                .isEmpty();
        assertThat(get("/api/recommendations").get("totalElements").asLong()).isEqualTo(7);
    }

    @Test
    void q_longer_than_200_characters_is_a_400() {
        ResponseEntity<JsonNode> answer = getRaw("/api/recommendations?q={q}", "监".repeat(201));
        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getBody().get("errors").get(0).get("field").asText()).isEqualTo("q");
        assertThat(references(get("/api/recommendations?q={q}", "监".repeat(200)))).isEmpty();
    }

    @Test
    void pages() {
        JsonNode first = get("/api/recommendations?size=3&sort=reference,asc");
        assertThat(references(first)).containsExactly(REF2, REF4, REF1);
        assertThat(first.get("page").asInt()).isZero();
        assertThat(first.get("size").asInt()).isEqualTo(3);
        assertThat(first.get("totalElements").asLong()).isEqualTo(7);
        assertThat(first.get("totalPages").asInt()).isEqualTo(3);
        assertThat(references(get("/api/recommendations?size=3&page=1&sort=reference,asc")))
                .containsExactly(REF3, REF5, REF6);
        JsonNode last = get("/api/recommendations?size=3&page=2&sort=reference,asc");
        assertThat(references(last)).containsExactly(REF7);
        assertThat(last.get("page").asInt()).isEqualTo(2);
        assertThat(references(get("/api/recommendations?size=3&page=3"))).isEmpty();
        JsonNode filtered = get("/api/recommendations?open=true&size=2&page=1&sort=issuedOn,asc");
        assertThat(references(filtered)).containsExactly(REF1, REF5);
        assertThat(filtered.get("totalElements").asLong()).isEqualTo(5);
        assertThat(filtered.get("totalPages").asInt()).isEqualTo(3);
    }

    @Test
    void sorts() {
        assertThat(references(get("/api/recommendations?sort=issuedOn,asc")))
                .containsExactly(REF4, REF2, REF1, REF3, REF5, REF6, REF7);
        // Priority in its natural order (URGENT, HIGH, NORMAL), then reference.
        assertThat(references(get("/api/recommendations?sort=priority")))
                .containsExactly(REF1, REF2, REF4, REF3, REF5, REF6, REF7);
        assertThat(references(get("/api/recommendations?sort=priority,desc&sort=issuedOn,desc")))
                .containsExactly(REF7, REF6, REF5, REF3, REF2, REF4, REF1);
        // Recommendations without a due date come last either way.
        assertThat(references(get("/api/recommendations?sort=responseDueOn,desc")))
                .containsExactly(REF5, REF1, REF2, REF4, REF3, REF6, REF7);
        assertThat(references(get("/api/recommendations?sort=stage,asc&sort=reference,desc")))
                .containsExactly(REF7, REF5, REF2, REF4, REF1, REF3, REF6);
        assertThat(references(get("/api/recommendations?sort=lastActivityOn,desc")).get(0)).isEqualTo(REF3);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "stage=FOO | stage",
            "implementationStatus=DONE | implementationStatus",
            "priority=urgent | priority",
            "open=maybe | open",
            "responseOverdue=1x | responseOverdue",
            "issuedFrom=2026-13-01 | issuedFrom",
            "issuedTo=yesterday | issuedTo",
            "authorityId=not-a-uuid | authorityId",
            "placeId=42 | placeId",
            "page=-1 | page",
            "page=x | page",
            "size=0 | size",
            "size=1000 | size",
            "sort=text,asc | sort",
            "sort=issuedOn,sideways | sort",
            "sort=issuedOn;DROP TABLE x | sort",
            "minVersion=abc&recommendationId=10000000-0000-0000-0000-000000000001 | minVersion",
            "minVersion=-1&recommendationId=10000000-0000-0000-0000-000000000001 | minVersion",
            "minVersion=3 | recommendationId",
            "recommendationId=nope&minVersion=3 | recommendationId",
    })
    void bad_filter_values_are_400_problems_naming_the_parameter(String query, String field) {
        ResponseEntity<JsonNode> answer = getRaw("/api/recommendations?" + query);
        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = answer.getBody();
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("type").asText()).isEqualTo(ProblemType.BASE + "bad-query");
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).startsWith(field + ":");
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo(field);
        assertThat(problem.get("errors").get(0).get("message").asText()).isNotBlank();
    }

    // ---- GET /api/authorities/{id}/dialogue

    @Test
    void prison_management_open_recommendations_measures_and_figures() {
        JsonNode d = get("/api/authorities/" + PRISON_MANAGEMENT + "/dialogue");
        assertThat(d.get("authorityId").asText()).isEqualTo(PRISON_MANAGEMENT.toString());
        assertThat(d.get("name").asText()).isEqualTo("Prison X management");
        assertThat(d.get("kind").asText()).isEqualTo("PLACE_MANAGEMENT");
        assertThat(d.get("asOf").asText()).isEqualTo("2026-06-15");

        JsonNode f = d.get("figures");
        assertThat(f.get("addressed").asLong()).isEqualTo(2);
        assertThat(f.get("responded").asLong()).isEqualTo(1);
        assertThat(f.get("awaitingResponse").asLong()).isEqualTo(1);
        assertThat(f.get("overdueResponses").asLong()).isZero();
        assertThat(f.get("medianDaysToFirstResponse").asDouble()).isEqualTo(41.0);

        JsonNode open = d.get("openRecommendations");
        assertThat(open).hasSize(2);
        JsonNode r1 = open.get(0);
        assertThat(r1.get("recommendationId").asText()).isEqualTo(R1.toString());
        assertThat(r1.get("reference").asText()).isEqualTo(REF1);
        assertThat(r1.get("title").asText()).isEqualTo(FollowUpStory.R1_TITLE);
        assertThat(r1.get("priority").asText()).isEqualTo("URGENT");
        assertThat(r1.get("stage").asText()).isEqualTo("ACTION_PLAN_FILED");
        assertThat(r1.get("implementationStatus").asText()).isEqualTo("PARTIALLY_IMPLEMENTED");
        assertThat(r1.get("authorityPosition").asText()).isEqualTo("ACCEPTED");
        assertThat(r1.get("issuedOn").asText()).isEqualTo("2026-01-10");
        assertThat(r1.get("daysOpen").asLong()).isEqualTo(156);
        assertThat(r1.get("responseDueOn").asText()).isEqualTo("2026-03-01");
        assertThat(r1.get("responseOverdue").asBoolean()).isFalse();
        assertThat(r1.get("awaitingOwnResponse").asBoolean()).isFalse();
        assertThat(r1.get("ownResponseOverdue").asBoolean()).isFalse();
        JsonNode latest = r1.get("latestResponse");
        assertThat(latest.get("responseId").asText()).isEqualTo(FollowUpStory.R1_RESPONSE.toString());
        assertThat(latest.get("receivedOn").asText()).isEqualTo("2026-02-20");
        assertThat(latest.get("channel").asText()).isEqualTo("WRITTEN");
        assertThat(latest.get("position").asText()).isEqualTo("ACCEPTED");
        assertThat(latest.get("text").asText()).isEqualTo("我们接受该建议。");
        assertThat(latest.get("documentReference").asText()).isEqualTo("函〔2026〕7号");
        assertThat(r1.get("measures")).hasSize(2);
        JsonNode m0 = r1.get("measures").get(0);
        assertThat(m0.get("actionPlanId").asText()).isEqualTo(FollowUpStory.R1_PLAN.toString());
        assertThat(m0.get("description").asText()).isEqualTo("培训医务人员");
        assertThat(m0.get("responsibleUnit").asText()).isEqualTo("医务科");
        assertThat(m0.get("targetDate").asText()).isEqualTo("2026-05-01");
        assertThat(m0.get("overdue").asBoolean()).isTrue();
        assertThat(r1.get("measures").get(1).get("overdue").asBoolean()).isFalse();
        assertThat(r1.get("openMeasures").asInt()).isEqualTo(2);
        assertThat(r1.get("overdueMeasures").asInt()).isEqualTo(1);

        JsonNode r5 = open.get(1);
        assertThat(r5.get("reference").asText()).isEqualTo(REF5);
        assertThat(r5.get("daysOpen").asLong()).isEqualTo(106);
        assertThat(r5.get("awaitingOwnResponse").asBoolean()).isTrue();
        assertThat(r5.get("ownResponseOverdue").asBoolean()).isFalse();
        assertThat(r5.get("latestResponse").isNull()).isTrue();
        assertThat(r5.get("measures")).isEmpty();
        assertThat(r5.get("openMeasures").asInt()).isZero();
    }

    @Test
    void ministry_with_an_overdue_answer_and_a_withdrawn_recommendation() {
        JsonNode d = get("/api/authorities/" + MINISTRY + "/dialogue");
        JsonNode f = d.get("figures");
        assertThat(f.get("addressed").asLong()).isEqualTo(2);
        assertThat(f.get("responded").asLong()).isZero();
        assertThat(f.get("awaitingResponse").asLong()).isEqualTo(1);
        assertThat(f.get("overdueResponses").asLong()).isEqualTo(1);
        assertThat(f.get("medianDaysToFirstResponse").isNull()).isTrue();
        assertThat(d.get("openRecommendations")).hasSize(1);
        JsonNode r2 = d.get("openRecommendations").get(0);
        assertThat(r2.get("reference").asText()).isEqualTo(REF2);
        assertThat(r2.get("responseOverdue").asBoolean()).isTrue();
        assertThat(r2.get("ownResponseOverdue").asBoolean()).isTrue();
        assertThat(r2.get("daysOpen").asLong()).isEqualTo(226);
    }

    @Test
    void health_ministry_median_and_latest_answer_by_received_date() {
        JsonNode d = get("/api/authorities/" + HEALTH_MINISTRY + "/dialogue");
        JsonNode f = d.get("figures");
        assertThat(f.get("addressed").asLong()).isEqualTo(3);
        assertThat(f.get("responded").asLong()).isEqualTo(1);
        assertThat(f.get("awaitingResponse").asLong()).isEqualTo(2);
        assertThat(f.get("overdueResponses").asLong()).isEqualTo(1);
        // R4: issued 2025-03-01, first answer 2025-03-20 (recorded second).
        assertThat(f.get("medianDaysToFirstResponse").asDouble()).isEqualTo(19.0);
        JsonNode r4 = d.get("openRecommendations").get(0);
        assertThat(r4.get("reference").asText()).isEqualTo(REF4);
        assertThat(r4.get("latestResponse").get("receivedOn").asText()).isEqualTo("2025-04-01");
        assertThat(r4.get("latestResponse").get("position").asText()).isEqualTo("REJECTED");
    }

    @Test
    void unknown_authority_is_404() {
        assertThat(getRaw("/api/authorities/" + UUID.randomUUID() + "/dialogue").getStatusCode().value())
                .isEqualTo(404);
    }

    // ---- GET /api/dashboard

    static String counts(JsonNode list) {
        List<String> parts = new ArrayList<>();
        list.forEach(c -> parts.add(c.get("key").asText() + "=" + c.get("total").asLong() + "/"
                + c.get("open").asLong()));
        return String.join(" ", parts);
    }

    @Test
    void counts_by_every_dimension_and_open_ones_by_age() {
        JsonNode d = get("/api/dashboard");
        assertThat(d.get("asOf").asText()).isEqualTo("2026-06-15");
        assertThat(d.get("total").asLong()).isEqualTo(7);
        assertThat(d.get("open").asLong()).isEqualTo(5);
        assertThat(counts(d.get("byStage"))).isEqualTo(
                "AWAITING_RESPONSE=3/3 RESPONDED=1/1 ACTION_PLAN_FILED=1/1 IMPLEMENTED=1/0 WITHDRAWN=1/0");
        assertThat(counts(d.get("byImplementationStatus"))).isEqualTo(
                "NOT_ASSESSED=4/3 NOT_IMPLEMENTED=0/0 IN_PROGRESS=0/0 PARTIALLY_IMPLEMENTED=1/1 IMPLEMENTED=2/1");
        assertThat(counts(d.get("byPriority"))).isEqualTo("URGENT=1/1 HIGH=2/2 NORMAL=4/2");
        assertThat(counts(d.get("byTheme"))).isEqualTo(
                "health-care=3/2 dialogue=1/1 juveniles=1/1 material-conditions=1/1 safeguards=1/0 use-of-force=1/1");
        assertThat(counts(d.get("byPlaceType"))).isEqualTo("NO_PLACE=4/2 PRISON=2/2 PSYCHIATRIC_INSTITUTION=1/1");
        // Most first; ties by name.
        assertThat(counts(d.get("byAuthority"))).isEqualTo(HEALTH_MINISTRY + "=3/3 " + PRISON_MANAGEMENT
                + "=2/2 " + MINISTRY + "=2/1 " + PRISON_ADMINISTRATION + "=1/0");
        assertThat(d.get("byAuthority").get(0).get("name").asText()).isEqualTo("Ministry of Health");
        assertThat(d.get("byAuthority").get(2).get("name").asText()).isEqualTo("司法部");
        List<String> ages = new ArrayList<>();
        d.get("openByAge").forEach(b -> ages.add(b.get("bucket").asText() + "=" + b.get("count").asLong()));
        // R7 45 days; R1 156, R5 106; R2 226; R4 471.
        assertThat(ages).containsExactly("0-90=1", "91-180=2", "181-365=1", "over 365=1");
    }

    // ---- GET /api/authorities, /api/places

    @Test
    void authorities_and_places_for_pickers() {
        JsonNode authorities = get("/api/authorities");
        assertThat(authorities).hasSize(4);
        JsonNode administration = null;
        for (JsonNode a : authorities) {
            if (a.get("authorityId").asText().equals(PRISON_ADMINISTRATION.toString())) {
                administration = a;
            }
        }
        assertThat(administration.get("name").asText()).isEqualTo("Prison Administration");
        assertThat(administration.get("kind").asText()).isEqualTo("DETENTION_ADMINISTRATION");
        assertThat(administration.get("parentAuthorityId").asText()).isEqualTo(MINISTRY.toString());
        JsonNode places = get("/api/places");
        assertThat(places).hasSize(2);
        assertThat(places.get(0).get("placeId").asText()).isEqualTo(HOSPITAL_Y.toString());
        assertThat(places.get(1).get("name").asText()).isEqualTo("第一监狱");
        assertThat(places.get(1).get("type").asText()).isEqualTo("PRISON");
        assertThat(places.get(1).get("region").asText()).isEqualTo("北京");
        assertThat(places.get(1).get("authorityId").asText()).isEqualTo(PRISON_MANAGEMENT.toString());
    }
}
