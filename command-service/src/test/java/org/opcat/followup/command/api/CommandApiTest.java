package org.opcat.followup.command.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opcat.followup.command.api.Api.Answer;
import org.springframework.beans.factory.annotation.Autowired;

/** Each endpoint's success path, and what it leaves in the event store. */
@CommandServiceTest
public class CommandApiTest {

    @Autowired
    Api api;

    UUID ministry;
    UUID administration;
    UUID prison;

    @BeforeEach
    void registers() {
        ministry = api.registerAuthority("司法部", "MINISTRY", null);
        administration = api.registerAuthority("监狱管理局", "DETENTION_ADMINISTRATION", ministry);
        prison = api.registerPlace("第一监狱", "PRISON", administration);
    }

    public static Map<String, Object> recommendation(String reference, UUID place, UUID... addressees) {
        Map<String, Object> body = new HashMap<>();
        body.put("reference", reference);
        body.put("title", "确保被拘留者及时获得医疗服务");
        body.put("text", "国家预防机制建议：所有被拘留者在入所后24小时内接受体检。 ينبغي ضمان الرعاية الصحية 🩺");
        body.put("language", "zh");
        body.put("issuedOn", "2025-06-03");
        body.put("source", Map.of("kind", "VISIT_REPORT", "documentReference", "查访报告 2025/V-017"));
        body.put("placeId", place);
        body.put("addresseeAuthorityIds", List.of(addressees));
        body.put("themes", List.of("Health-Care", "health-care", "医疗"));
        body.put("scope", "PLACE_SPECIFIC");
        body.put("priority", "URGENT");
        body.put("standards", List.of("Nelson Mandela Rules, rule 30"));
        body.put("responseDueOn", "2025-08-03");
        body.put("confidential", false);
        return body;
    }

    @Test
    void registersAuthoritiesAndPlacesAndAnswersTheirIds() {
        UUID chosen = UUID.randomUUID();
        Answer answer = api.as("admin").post("/api/authorities", Map.of("authorityId", chosen, "name", "Ministry of Interior",
                "kind", "MINISTRY"));
        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.json().get("authorityId").asText()).isEqualTo(chosen.toString());
        Answer place = api.as("admin").post("/api/places", Map.of("name", "Police station 3", "type", "POLICE_STATION",
                "region", "North", "authorityId", chosen));
        assertThat(place.status()).isEqualTo(201);
        assertThat(UUID.fromString(place.json().get("placeId").asText())).isNotNull();
    }

    @Test
    void followsARecommendationThroughItsWholeLife() throws Exception {
        UUID id = UUID.randomUUID();
        Map<String, Object> issue = recommendation("2025/V-017/R-03", prison, ministry, administration);
        issue.put("recommendationId", id);
        Answer issued = api.post("/api/recommendations", issue, "X-Correlation-Id", "req-42");
        assertThat(issued.status()).isEqualTo(201);
        assertThat(issued.json().get("recommendationId").asText()).isEqualTo(id.toString());
        assertThat(issued.json().get("version").asLong()).isZero();
        assertThat(issued.header("Location")).isEqualTo("/api/recommendations/" + id);
        assertThat(issued.header("ETag")).isEqualTo("\"0\"");
        assertThat(issued.header("X-Correlation-Id")).isEqualTo("req-42");

        String base = "/api/recommendations/" + id;
        Answer response = api.post(base + "/responses", Map.of("authorityId", administration, "receivedOn", "2025-07-01",
                "channel", "WRITTEN", "position", "PARTIALLY_ACCEPTED", "text", "监狱管理局部分接受该建议。",
                "documentReference", "函 2025-112"), "If-Match", "\"0\"");
        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("version").asLong()).isEqualTo(1);
        assertThat(response.json().get("responseId").asText()).isNotBlank();

        Answer plan = api.post(base + "/action-plans", Map.of("authorityId", administration, "filedOn", "2025-08-15",
                "measures", List.of(Map.of("description", "为所有监区配备医务人员", "responsibleUnit", "卫生处",
                        "targetDate", "2025-12-31"))));
        assertThat(plan.status()).isEqualTo(201);
        assertThat(plan.json().get("actionPlanId").asText()).isNotBlank();
        assertThat(plan.json().get("version").asLong()).isEqualTo(2);

        Answer visit = api.post(base + "/follow-up-visits", Map.of("visitedOn", "2026-02-10", "findings",
                "医务室已配备两名医生。", "assessedStatus", "PARTIALLY_IMPLEMENTED"));
        assertThat(visit.status()).isEqualTo(201);
        assertThat(visit.json().get("followUpId").asText()).isNotBlank();

        Answer assessment = api.post(base + "/assessments", Map.of("assessedOn", "2026-03-01", "status", "IN_PROGRESS",
                "basis", "民间社会组织报告"));
        assertThat(assessment.status()).isEqualTo(201);
        assertThat(assessment.json().get("assessmentId").asText()).isNotBlank();

        Answer reiterated = api.post(base + "/reiterations", Map.of("reiteratedOn", "2026-03-31",
                "documentReference", "年度报告 2025"));
        assertThat(reiterated.status()).isEqualTo(200);
        assertThat(reiterated.json().get("version").asLong()).isEqualTo(5);

        Answer implemented = api.post(base + "/implementation", Map.of("implementedOn", "2026-06-30",
                "evidence", "复查确认所有监区均有医务人员。"));
        assertThat(implemented.status()).isEqualTo(200);
        assertThat(implemented.header("ETag")).isEqualTo("\"6\"");

        Answer reopened = api.post(base + "/reopening", Map.of("reopenedOn", "2026-09-01", "reason", "复查发现医生离职"));
        assertThat(reopened.status()).isEqualTo(200);

        Answer withdrawn = api.post(base + "/withdrawal", Map.of("withdrawnOn", "2026-10-01", "reason", "NO_LONGER_APPLICABLE"),
                "If-Match", "\"7\"");
        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(withdrawn.json().get("version").asLong()).isEqualTo(8);

        List<Map<String, Object>> stream = api.jdbc().queryForList(
                "SELECT sequenceNumber, payloadType, metaData, payload FROM events.domain_event_entry "
                        + "WHERE aggregateIdentifier = ? ORDER BY sequenceNumber", id.toString());
        assertThat(stream).extracting(row -> ((String) row.get("payloadtype")).replaceAll(".*\\.", "")).containsExactly(
                "RecommendationIssued", "AuthorityResponseRecorded", "ActionPlanFiled", "FollowUpVisitRecorded",
                "ImplementationAssessed", "RecommendationReiterated", "RecommendationImplemented",
                "RecommendationReopened", "RecommendationWithdrawn");
        var metaData = new ObjectMapper().readTree((byte[]) stream.get(0).get("metadata"));
        assertThat(metaData.get("recordedBy").asText()).isEqualTo("analyst");
        assertThat(metaData.get("correlationId").asText()).isEqualTo("req-42");
        String payload = new String((byte[]) stream.get(0).get("payload"), StandardCharsets.UTF_8);
        assertThat(payload).contains("\"themes\":[\"health-care\",\"医疗\"]").contains("🩺").contains("ينبغي");
        assertThat(new ObjectMapper().readTree((byte[]) stream.get(8).get("metadata")).get("recordedBy").asText())
                .isEqualTo("analyst");
    }

    @Test
    void aRepeatedRequestStoresNothingAndAnswersAsTheFirstTime() {
        UUID id = UUID.randomUUID();
        Map<String, Object> issue = recommendation("2025/V-018/R-01", prison, administration);
        issue.put("recommendationId", id);
        Answer first = api.post("/api/recommendations", issue);
        UUID responseId = UUID.randomUUID();
        Map<String, Object> response = Map.of("responseId", responseId, "authorityId", administration,
                "receivedOn", "2025-07-01", "channel", "ORAL", "position", "ACCEPTED", "text", "口头接受");
        Answer firstResponse = api.post("/api/recommendations/" + id + "/responses", response);
        long stored = api.storedEvents();

        Answer again = api.post("/api/recommendations", issue);
        Answer againResponse = api.post("/api/recommendations/" + id + "/responses", response);

        assertThat(again.status()).isEqualTo(first.status());
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(againResponse.status()).isEqualTo(201);
        assertThat(againResponse.body()).isEqualTo(firstResponse.body());
        assertThat(api.storedEvents()).isEqualTo(stored);

        Map<String, Object> other = new HashMap<>(response);
        other.put("text", "改为书面答复");
        Answer conflicting = api.post("/api/recommendations/" + id + "/responses", other);
        assertThat(conflicting.status()).isEqualTo(409);
        assertThat(conflicting.contentType()).startsWith("application/problem+json");
        assertThat(conflicting.json().get("errors").get(0).get("field").asText()).isEqualTo("responseId");
        assertThat(api.storedEvents()).isEqualTo(stored);
    }

    @Test
    void aReferenceIsUniqueWhateverItsWidthCaseAndSpaces() {
        assertThat(api.post("/api/recommendations", recommendation("2025/V-019/R-01", prison, administration)).status())
                .isEqualTo(201);
        long stored = api.storedEvents();
        Answer sameReference = api.post("/api/recommendations", recommendation(" ２０２５/v-019/r-01 ", prison, administration));
        assertThat(sameReference.status()).isEqualTo(409);
        assertThat(sameReference.json().get("errors").get(0).get("field").asText()).isEqualTo("reference");
        assertThat(api.storedEvents()).isEqualTo(stored);
    }
}
