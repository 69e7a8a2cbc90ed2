package org.opcat.followup.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.opcat.followup.localrun.DemoClient;

/**
 * A Chinese-speaking analyst reads, on a recommendation's page and in its timeline, every text that
 * was typed about it (response, visit findings, assessment basis and note, implementation evidence,
 * reopening reason, reiteration) and every line in Chinese: no English summary, no enumeration code.
 * On an authority's dialogue page, an open recommendation assessed as implemented cannot be taken
 * for a closed one.
 */
class FollowUpTextsTest {

    /** What an enumeration code or the English summary would leave in a line. */
    private static final Pattern CODE_OR_ENGLISH = Pattern.compile(
            "\\b[A-Z]{2,}(_[A-Z]+)+\\b|\\b(HIGH|NORMAL|URGENT|ORAL|WRITTEN|MEETING|ACCEPTED|REJECTED|SYSTEMIC|Issued|response|measure)\\b");

    private static Browser browser;
    private static String page;
    private static String dialogue;
    private static DemoClient api;

    @BeforeAll
    static void aRecommendationWithEveryKindOfRecord() throws Exception {
        TestStack stack = TestStack.get();
        browser = new Browser(stack.webUrl, "zh");
        browser.signIn("analyst");
        browser.open("/authorities");
        String authority = browser.find(By.cssSelector("main table a[href*='/authorities/']")).getAttribute("href")
                .replaceAll(".*/authorities/", "");

        api = new DemoClient(stack.commandUrl);
        UUID id = UUID.randomUUID();
        LocalDate day = LocalDate.now().minusDays(100);
        Map<String, Object> issue = new HashMap<>();
        issue.put("recommendationId", id);
        issue.put("reference", "2026/跟进-" + id.toString().substring(0, 6));
        issue.put("title", "改善医疗服务");
        issue.put("text", "保障被羁押人员及时获得医疗服务。");
        issue.put("language", "zh");
        issue.put("issuedOn", day.toString());
        issue.put("source", Map.of("kind", "VISIT_REPORT", "documentReference", "查访报告 2026/V-99"));
        issue.put("addresseeAuthorityIds", List.of(authority));
        issue.put("themes", List.of("health-care"));
        issue.put("scope", "SYSTEMIC");
        issue.put("priority", "HIGH");
        issue.put("standards", List.of());
        issue.put("responseDueOn", day.plusDays(60).toString());
        issue.put("confidential", false);
        api.post("analyst", "/api/recommendations", issue);
        String base = "/api/recommendations/" + id;
        api.post("analyst", base + "/responses", Map.of("responseId", UUID.randomUUID(), "authorityId", authority,
                "receivedOn", day.plusDays(10).toString(), "channel", "ORAL", "position", "ACCEPTED",
                "text", "答复原文：同意增加医务人员。"));
        api.post("analyst", base + "/action-plans", Map.of("actionPlanId", UUID.randomUUID(), "authorityId", authority,
                "filedOn", day.plusDays(20).toString(), "measures", List.of(Map.of("description", "招聘两名医生",
                        "responsibleUnit", "人事处", "targetDate", day.plusDays(80).toString()))));
        api.post("analyst", base + "/follow-up-visits", Map.of("followUpId", UUID.randomUUID(),
                "visitedOn", day.plusDays(40).toString(), "findings", "查访发现：医务室已有值班医生。",
                "assessedStatus", "IN_PROGRESS"));
        api.post("analyst", base + "/assessments", Map.of("assessmentId", UUID.randomUUID(),
                "assessedOn", day.plusDays(50).toString(), "status", "IMPLEMENTED",
                "basis", "评估依据：卫生部门检查报告", "note", "评估备注：仍需复查夜间值班。"));
        api.post("analyst", base + "/implementation", Map.of("implementedOn", day.plusDays(60).toString(),
                "evidence", "落实证据：值班表与聘用合同。"));
        api.post("analyst", base + "/reopening", Map.of("reopenedOn", day.plusDays(70).toString(),
                "reason", "重新开启原因：夜间无人值班。"));
        JsonNode last = api.post("analyst", base + "/reiterations", Map.of("reiteratedOn", day.plusDays(80).toString(),
                "documentReference", "年度报告 2026"));
        page = "/recommendations/" + id + "?minVersion=" + last.get("version").asLong();

        // Seen implemented on a visit, but the authority has not even answered: open, awaiting its response.
        UUID seen = UUID.randomUUID();
        issue.put("recommendationId", seen);
        issue.put("reference", "2026/跟进-" + seen.toString().substring(0, 6));
        api.post("analyst", "/api/recommendations", issue);
        JsonNode visited = api.post("analyst", "/api/recommendations/" + seen + "/follow-up-visits", Map.of(
                "followUpId", UUID.randomUUID(), "visitedOn", day.plusDays(40).toString(),
                "findings", "已改善。", "assessedStatus", "IMPLEMENTED"));
        // The recommendation's page waits for the read side; then the dialogue page has it too.
        browser.open("/recommendations/" + seen + "?minVersion=" + visited.get("version").asLong());
        dialogue = "/authorities/" + authority;
    }

    @AfterAll
    static void close() throws Exception {
        browser.close();
    }

    @Test
    void every_typed_text_is_on_the_page_and_in_the_timeline_and_every_line_is_chinese() throws Exception {
        browser.open(page);
        String visits = browser.find(By.xpath("//section[@aria-labelledby='visits-heading']")).getText();
        assertThat(visits).contains("查访发现：医务室已有值班医生。", "评估结果：落实中");
        String assessments = browser.find(By.xpath("//section[@aria-labelledby='assessments-heading']")).getText();
        assertThat(assessments).contains("评估依据：卫生部门检查报告", "评估备注：仍需复查夜间值班。", "评估结果：已落实");
        String closing = browser.find(By.xpath("//section[@aria-labelledby='closing-heading']")).getText();
        assertThat(closing).contains("落实证据：值班表与聘用合同。", "重新开启原因：夜间无人值班。", "年度报告 2026");
        assertThat(browser.find(By.cssSelector(".badge.stage")).getText()).startsWith("阶段：");

        List<WebElement> lines = browser.all(By.cssSelector(".timeline li"));
        assertThat(lines).hasSize(8);
        assertThat(lines.get(0).getText()).contains("优先级：高", "致送 1 个机关", "答复期限");
        assertThat(lines.get(1).getText()).contains("（口头）：接受", "答复原文：同意增加医务人员。");
        assertThat(lines.get(2).getText()).contains("1 项措施");
        assertThat(lines.get(3).getText()).contains("查访发现：医务室已有值班医生。");
        assertThat(lines.get(4).getText()).contains("评估依据：卫生部门检查报告", "评估备注：仍需复查夜间值班。");
        assertThat(lines.get(5).getText()).contains("结案：已落实", "落实证据：值班表与聘用合同。");
        assertThat(lines.get(6).getText()).contains("重新开启原因：夜间无人值班。");
        assertThat(lines.get(7).getText()).contains("年度报告 2026");
        for (WebElement line : lines) {
            String text = line.getText().replaceAll("由 analyst 于", "");
            assertThat(CODE_OR_ENGLISH.matcher(text).find()).as(text).isFalse();
        }
        browser.screenshot("followup-01-timeline-zh");
        browser.assertAccessible("recommendation with every kind of record");
    }

    @Test
    void an_open_recommendation_assessed_as_implemented_reads_as_still_open_on_the_dialogue_page() throws Exception {
        browser.open(dialogue);
        List<WebElement> statuses = browser.all(By.cssSelector("#open-heading ~ article .badge.status"));
        assertThat(statuses).extracting(WebElement::getText).contains("评估结果：已落实（尚未结案）");
        assertThat(browser.all(By.cssSelector("#open-heading ~ article .badge.stage")))
                .extracting(WebElement::getText).allSatisfy(t -> assertThat(t).startsWith("阶段："));
        browser.screenshot("followup-02-dialogue-zh");
        browser.assertAccessible("dialogue page");
    }
}
