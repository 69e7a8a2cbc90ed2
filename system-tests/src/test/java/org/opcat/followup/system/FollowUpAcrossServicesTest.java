package org.opcat.followup.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * One recommendation's life recorded through command-service and read back from query-service,
 * two processes on one PostgreSQL, each step visible at once through minVersion; then the
 * write-to-visible latency over a few hundred writes, printed for the record.
 */
class FollowUpAcrossServicesTest {

    @Test
    void everyStepRecordedIsReadBackAtOnceAcrossTheTwoServices() throws Exception {
        try (Stack stack = Stack.start("story")) {
            Http command = stack.command();
            Http query = stack.query();
            String ministry = command.post("admin", "/api/authorities", Map.of("name", "司法部", "kind", "MINISTRY"))
                    .json().get("authorityId").asText();
            String prisons = command.post("admin", "/api/authorities", Map.of("name", "司法部监狱管理局",
                    "kind", "DETENTION_ADMINISTRATION", "parentAuthorityId", ministry)).json().get("authorityId").asText();
            String prison = command.post("admin", "/api/places", Map.of("name", "市第一监狱", "type", "PRISON",
                    "region", "华东", "authorityId", prisons)).json().get("placeId").asText();

            String zh = issue(command, "2026/V-001/R-01", "确保被拘留者及时获得医疗服务",
                    "所有新入所人员应在入所后24小时内由医务人员进行体检。", "zh", prison, prisons, "PLACE_SPECIFIC");
            String en = issue(command, "2026/V-001/R-02", "Notify a relative of every detention",
                    "Every person detained must be able to notify a relative without delay.", "en", null, ministry, "SYSTEMIC");

            JsonNode detail = visible(query, zh, 0);
            assertThat(detail.get("stage").asText()).isEqualTo("AWAITING_RESPONSE");
            assertThat(detail.get("responseOverdue").asBoolean()).isTrue();
            assertThat(detail.get("authorityPosition").asText()).isEqualTo("NONE");
            assertThat(detail.get("title").asText()).isEqualTo("确保被拘留者及时获得医疗服务");

            long v = version(command.post("analyst", "/api/recommendations/" + zh + "/responses", Map.of("authorityId", prisons,
                    "receivedOn", "2026-03-20", "channel", "WRITTEN", "position", "PARTIALLY_ACCEPTED", "text", "部分接受")));
            detail = visible(query, zh, v);
            assertThat(detail.get("stage").asText()).isEqualTo("RESPONDED");
            assertThat(detail.get("authorityPosition").asText()).isEqualTo("PARTIALLY_ACCEPTED");
            assertThat(detail.get("responseOverdue").asBoolean()).isFalse();

            v = version(command.post("analyst", "/api/recommendations/" + zh + "/action-plans", Map.of("authorityId", prisons,
                    "filedOn", "2026-04-10", "measures", List.of(Map.of("description", "配备医务人员", "responsibleUnit", "卫生处",
                            "targetDate", "2026-09-30")))));
            assertThat(visible(query, zh, v).get("stage").asText()).isEqualTo("ACTION_PLAN_FILED");

            v = version(command.post("analyst", "/api/recommendations/" + zh + "/follow-up-visits", Map.of("visitedOn", "2026-07-01",
                    "findings", "已配备一名医生", "assessedStatus", "PARTIALLY_IMPLEMENTED")));
            assertThat(visible(query, zh, v).get("implementationStatus").asText()).isEqualTo("PARTIALLY_IMPLEMENTED");

            v = version(command.post("analyst", "/api/recommendations/" + zh + "/assessments", Map.of("assessedOn", "2026-08-01",
                    "status", "IN_PROGRESS", "basis", "民间社会组织报告")));
            assertThat(visible(query, zh, v).get("implementationStatus").asText()).isEqualTo("IN_PROGRESS");

            v = version(command.post("analyst", "/api/recommendations/" + zh + "/implementation", Map.of("implementedOn", "2026-10-01",
                    "evidence", "复查确认")));
            detail = visible(query, zh, v);
            assertThat(detail.get("stage").asText()).isEqualTo("IMPLEMENTED");
            assertThat(detail.get("open").asBoolean()).isFalse();
            assertThat(detail.get("implementationStatus").asText()).isEqualTo("IMPLEMENTED");

            v = version(command.post("analyst", "/api/recommendations/" + zh + "/reopening", Map.of("reopenedOn", "2026-11-01",
                    "reason", "医生离职")));
            detail = visible(query, zh, v);
            assertThat(detail.get("stage").asText()).isEqualTo("ACTION_PLAN_FILED");
            assertThat(detail.get("open").asBoolean()).isTrue();

            long w = version(command.post("analyst", "/api/recommendations/" + en + "/withdrawal", Map.of("withdrawnOn", "2026-05-01",
                    "reason", "ISSUED_IN_ERROR")));
            assertThat(visible(query, en, w).get("stage").asText()).isEqualTo("WITHDRAWN");

            JsonNode history = query.get("manager", "/api/recommendations/" + zh + "/history?minVersion=" + v).json();
            List<String> recordedBy = new ArrayList<>();
            history.forEach(entry -> recordedBy.add(entry.get("recordedBy").asText()));
            assertThat(recordedBy).hasSize(7).containsOnly("analyst");

            JsonNode underMinistry = query.get("manager", "/api/recommendations?authorityId=" + ministry).json();
            assertThat(underMinistry.get("totalElements").asInt()).isEqualTo(2);
            JsonNode searched = query.get("manager", "/api/recommendations?q=" + java.net.URLEncoder.encode("医务", "UTF-8")).json();
            assertThat(searched.get("totalElements").asInt()).isEqualTo(1);
            assertThat(searched.at("/content/0/recommendationId").asText()).isEqualTo(zh);

            printFreshness(command, query, prisons, prison);
        }
    }

    /** Write → visible: from command-service's answer to query-service's answer showing that version. */
    private static void printFreshness(Http command, Http query, String authority, String place) throws Exception {
        String id = issue(command, "2026/V-900/R-01", "Freshness", "Measured writes", "en", place, authority, "PLACE_SPECIFIC");
        visible(query, id, 0);
        Histogram latency = new Histogram(60_000_000L, 3);
        int writes = 300;
        for (int i = 0; i < writes; i++) {
            long version = version(command.post("analyst", "/api/recommendations/" + id + "/reiterations",
                    Map.of("reiteratedOn", "2026-11-0" + (1 + i % 9), "documentReference", "AR-" + i)));
            long answered = System.nanoTime();
            visible(query, id, version);
            latency.recordValue((System.nanoTime() - answered) / 1_000);
        }
        System.out.printf("write → visible across processes over %d writes: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                writes, latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(95) / 1000.0,
                latency.getValueAtPercentile(99) / 1000.0, latency.getMaxValue() / 1000.0);
    }

    private static String issue(Http command, String reference, String title, String text, String language, String place,
            String addressee, String scope) throws Exception {
        Map<String, Object> body = new HashMap<>();
        body.put("reference", reference);
        body.put("title", title);
        body.put("text", text);
        body.put("language", language);
        body.put("issuedOn", "2026-03-02");
        body.put("source", Map.of("kind", "VISIT_REPORT", "documentReference", "V-001"));
        body.put("placeId", place);
        body.put("addresseeAuthorityIds", List.of(addressee));
        body.put("themes", List.of("health-care"));
        body.put("scope", scope);
        body.put("priority", "URGENT");
        body.put("standards", List.of());
        body.put("responseDueOn", "2026-05-01");
        body.put("confidential", false);
        Http.Answer answer = command.post("analyst", "/api/recommendations", body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().get("recommendationId").asText();
    }

    private static long version(Http.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isIn(200, 201);
        return answer.json().get("version").asLong();
    }

    private static JsonNode visible(Http query, String id, long version) throws Exception {
        Http.Answer answer = query.get("manager", "/api/recommendations/" + id + "?minVersion=" + version);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("version").asLong()).isGreaterThanOrEqualTo(version);
        return answer.json();
    }
}
