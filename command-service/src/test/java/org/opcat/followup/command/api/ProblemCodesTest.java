package org.opcat.followup.command.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opcat.followup.command.api.Api.Answer;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every field problem of a request comes back at once, each with a stable code and its arguments,
 * worded in the request's language (Accept-Language en or zh) with the same codes.
 */
@CommandServiceTest
class ProblemCodesTest {

    @Autowired
    Api api;

    UUID ministry;

    @BeforeEach
    void authority() {
        if (ministry == null) {
            ministry = api.registerAuthority("公安部", "MINISTRY", null);
        }
    }

    private Map<String, Object> blankTitleAndFutureDate() {
        Map<String, Object> body = CommandApiTest.recommendation("PC-" + UUID.randomUUID().toString().substring(0, 8),
                null, ministry);
        body.put("scope", "SYSTEMIC");
        body.put("title", " ");
        body.put("issuedOn", "2027-03-15");
        body.remove("responseDueOn");
        return body;
    }

    private static Map<String, JsonNode> byField(JsonNode problem) {
        Map<String, JsonNode> errors = new LinkedHashMap<>();
        problem.get("errors").forEach(e -> errors.put(e.get("field").asText(), e));
        return errors;
    }

    @Test
    void aBlankTitleAndAFutureDateAreAnsweredTogetherWithTheirCodes() {
        long before = api.storedEvents();
        Answer answer = api.post("/api/recommendations", blankTitleAndFutureDate());
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        JsonNode problem = answer.json();
        assertThat(problem.get("type").asText()).isEqualTo("https://opcat-followup.example/problems/invalid-input");
        assertThat(problem.get("code").asText()).isEqualTo("invalid-fields");
        assertThat(problem.get("args").get("count").asInt()).isEqualTo(2);
        Map<String, JsonNode> errors = byField(problem);
        assertThat(errors).containsOnlyKeys("title", "issuedOn");
        assertThat(errors.get("title").get("code").asText()).isEqualTo("not-blank");
        assertThat(errors.get("title").get("message").asText()).isEqualTo("must not be blank");
        JsonNode date = errors.get("issuedOn");
        assertThat(date.get("code").asText()).isEqualTo("date-in-future");
        assertThat(date.get("args").get("date").asText()).isEqualTo("2027-03-15");
        assertThat(date.get("args").get("today").asText()).isEqualTo(CommandServiceTest.TODAY);
        assertThat(date.get("message").asText())
                .isEqualTo("issuedOn 2027-03-15 is in the future (today is " + CommandServiceTest.TODAY + ")");
        assertThat(problem.get("detail").asText()).contains("title: must not be blank")
                .contains("issuedOn: issuedOn 2027-03-15 is in the future");
        assertThat(api.storedEvents()).isEqualTo(before);
    }

    @Test
    void chineseIsAnsweredInChineseWithTheSameCodes() {
        Answer answer = api.post("/api/recommendations", blankTitleAndFutureDate(), "Accept-Language", "zh-CN,zh;q=0.9");
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        JsonNode problem = answer.json();
        assertThat(problem.get("code").asText()).isEqualTo("invalid-fields");
        Map<String, JsonNode> errors = byField(problem);
        assertThat(errors.get("title").get("code").asText()).isEqualTo("not-blank");
        assertThat(errors.get("title").get("message").asText()).isEqualTo("不得为空");
        assertThat(errors.get("issuedOn").get("code").asText()).isEqualTo("date-in-future");
        assertThat(errors.get("issuedOn").get("message").asText())
                .isEqualTo("issuedOn 2027-03-15 是将来的日期（今天是 " + CommandServiceTest.TODAY + "）");
        assertThat(problem.get("detail").asText()).contains("title: 不得为空").contains("是将来的日期").doesNotContain("must not");
    }

    @Test
    void anUnknownIdHasItsCodeAndChineseText() {
        UUID unknown = UUID.randomUUID();
        Map<String, Object> response = Map.of("authorityId", ministry, "receivedOn", "2025-07-01",
                "channel", "WRITTEN", "position", "ACCEPTED", "text", "接受");
        Answer english = api.post("/api/recommendations/" + unknown + "/responses", response);
        assertThat(english.status()).as(english.body()).isEqualTo(404);
        assertThat(english.json().get("type").asText()).isEqualTo("https://opcat-followup.example/problems/not-found");
        assertThat(english.json().get("code").asText()).isEqualTo("unknown-record");
        assertThat(english.json().get("args").get("id").asText()).isEqualTo(unknown.toString());
        assertThat(english.json().get("detail").asText()).isEqualTo("no record with id " + unknown);

        Answer chinese = api.post("/api/recommendations/" + unknown + "/responses", response, "Accept-Language", "zh");
        assertThat(chinese.json().get("code").asText()).isEqualTo("unknown-record");
        assertThat(chinese.json().get("detail").asText()).isEqualTo("没有 id 为 " + unknown + " 的记录");
    }

    @Test
    void aRuleOfTheAggregateHasItsCodeAndChineseText() {
        Map<String, Object> body = CommandApiTest.recommendation("PC-DUP", null, ministry);
        body.put("scope", "SYSTEMIC");
        assertThat(api.post("/api/recommendations", body).status()).isEqualTo(201);
        body.remove("recommendationId");
        Answer chinese = api.post("/api/recommendations", body, "Accept-Language", "zh-TW");
        assertThat(chinese.status()).as(chinese.body()).isEqualTo(409);
        assertThat(chinese.json().get("type").asText()).isEqualTo("https://opcat-followup.example/problems/rule-violated");
        assertThat(chinese.json().get("code").asText()).isEqualTo("reference-used");
        assertThat(chinese.json().get("args").get("reference").asText()).isEqualTo("PC-DUP");
        assertThat(chinese.json().get("detail").asText()).isEqualTo("编号 PC-DUP 已被使用");
        assertThat(chinese.json().get("errors").get(0).get("message").asText()).isEqualTo("编号 PC-DUP 已被使用");
    }

    @Test
    void aSingleRuleKeepsItsOwnSentenceAsDetail() {
        Map<String, Object> body = blankTitleAndFutureDate();
        body.put("title", "标题");
        Answer answer = api.post("/api/recommendations", body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.json().get("code").asText()).isEqualTo("date-in-future");
        assertThat(answer.json().get("detail").asText())
                .isEqualTo("issuedOn 2027-03-15 is in the future (today is " + CommandServiceTest.TODAY + ")");
        assertThat(answer.json().get("errors").get(0).get("code").asText()).isEqualTo("date-in-future");
    }

    @Test
    void aPlanReportsEveryMeasureDueBeforeItAndItsFutureDateAtOnce() {
        Map<String, Object> body = CommandApiTest.recommendation("PC-PLAN", null, ministry);
        body.put("scope", "SYSTEMIC");
        Answer issued = api.post("/api/recommendations", body);
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String id = issued.json().get("recommendationId").asText();
        Answer answer = api.post("/api/recommendations/" + id + "/action-plans", Map.of("authorityId", ministry,
                "filedOn", "2026-12-01", "measures", List.of(
                        Map.of("description", "d", "responsibleUnit", "u", "targetDate", "2026-11-30"),
                        Map.of("responsibleUnit", "u", "targetDate", "2027-01-01"))), "Accept-Language", "en");
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        Map<String, JsonNode> errors = byField(answer.json());
        assertThat(errors).containsOnlyKeys("filedOn", "measures[0].targetDate", "measures[1].description");
        assertThat(errors.get("measures[0].targetDate").get("code").asText()).isEqualTo("target-before-filed");
        assertThat(errors.get("measures[1].description").get("code").asText()).isEqualTo("not-blank");
    }
}
