package org.opcat.followup.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two command-service processes and one query-service on one database, each command-service with
 * its own aggregate cache: what one writes, the other's cache has not seen.
 */
class TwoCommandServicesTest {

    private static final String CONFLICT = "https://opcat-followup.example/problems/conflict";

    @Test
    void writesSentToEitherInstanceAreAllStoredOnceInOrder() throws Exception {
        try (Stack stack = Stack.startWithTwoCommandServices("two-command-services")) {
            Http[] instances = {stack.command(), stack.secondCommand()};
            String ministry = stack.command().post("admin", "/api/authorities", Map.of("name", "司法部", "kind", "MINISTRY"))
                    .json().get("authorityId").asText();
            String id = issue(stack.command(), ministry);
            List<Http.Answer> answers = new ArrayList<>();

            // One user, one write after the other, alternately to each instance: no conflict happened.
            long version = 0;
            for (int i = 0; i < 12; i++) {
                Http.Answer answer = respond(instances[(i + 1) % 2], id, ministry, "依次 " + i, null);
                answers.add(answer);
                assertThat(answer.status()).as("write %d: %s", i, answer.body()).isEqualTo(201);
                assertThat(answer.json().get("version").asLong()).isEqualTo(++version);
            }
            // The same with If-Match, as the web interface sends it: each time the version just answered.
            for (int i = 0; i < 6; i++) {
                Http.Answer answer = respond(instances[i % 2], id, ministry, "依次带版本 " + i, version);
                answers.add(answer);
                assertThat(answer.status()).as("write with If-Match %d: %s", i, answer.body()).isEqualTo(201);
                assertThat(answer.json().get("version").asLong()).isEqualTo(++version);
            }

            // Two users at once, one on each instance: without If-Match each write is stored or, once the
            // retries are spent, a conflict; with If-Match one wins and the others are told it is stale.
            List<Http.Answer> blind = concurrently(instances, id, ministry, null);
            assertEachStoredOrRefused(blind, CONFLICT);
            answers.addAll(blind);
            List<Http.Answer> checked = concurrently(instances, id, ministry, latestVersion(stack, id));
            assertEachStoredOrRefused(checked, CONFLICT, "https://opcat-followup.example/problems/rule-violated");
            assertThat(checked).filteredOn(a -> a.status() == 201).hasSize(1);
            answers.addAll(checked);

            long stored = answers.stream().filter(a -> a.status() == 201).count();
            List<Long> sequence = new JdbcTemplate(stack.database()).queryForList("SELECT sequenceNumber FROM events.domain_event_entry "
                    + "WHERE aggregateIdentifier = ? ORDER BY sequenceNumber", Long.class, id);
            assertThat(sequence).containsExactlyElementsOf(LongStream.rangeClosed(0, stored).boxed().toList());

            Http.Answer history = stack.query().get("manager", "/api/recommendations/" + id + "/history?minVersion=" + stored);
            assertThat(history.status()).as(history.body()).isEqualTo(200);
            assertThat(history.json().size()).isEqualTo((int) stored + 1);
        }
    }

    private static void assertEachStoredOrRefused(List<Http.Answer> answers, String... conflictTypes) {
        for (Http.Answer answer : answers) {
            assertThat(answer.status()).as(answer.body()).isIn(201, 409);
            if (answer.status() == 409) {
                assertThat(answer.json().get("type").asText()).as(answer.body()).isIn((Object[]) conflictTypes);
            }
        }
    }

    /** Each instance gets eight writes from its own thread, all released at once. */
    private static List<Http.Answer> concurrently(Http[] instances, String id, String ministry, Long ifMatch) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(instances.length);
        List<Future<List<Http.Answer>>> results = new ArrayList<>();
        for (int t = 0; t < instances.length; t++) {
            Http instance = instances[t];
            String writer = (ifMatch == null ? "同时 " : "同时带版本 ") + t;
            Callable<List<Http.Answer>> writes = () -> {
                start.await();
                List<Http.Answer> answers = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    answers.add(respond(instance, id, ministry, writer + "-" + i, ifMatch));
                }
                return answers;
            };
            results.add(pool.submit(writes));
        }
        start.countDown();
        List<Http.Answer> answers = new ArrayList<>();
        for (Future<List<Http.Answer>> result : results) {
            answers.addAll(result.get());
        }
        pool.shutdown();
        return answers;
    }

    private static long latestVersion(Stack stack, String id) {
        return new JdbcTemplate(stack.database()).queryForObject(
                "SELECT max(sequenceNumber) FROM events.domain_event_entry WHERE aggregateIdentifier = ?", Long.class, id);
    }

    private static Http.Answer respond(Http instance, String id, String ministry, String text, Long ifMatch) throws Exception {
        return instance.post("analyst", "/api/recommendations/" + id + "/responses", Map.of("authorityId", ministry,
                "receivedOn", "2026-03-20", "channel", "MEETING", "position", "UNDER_CONSIDERATION", "text", text), ifMatch);
    }

    private static String issue(Http command, String ministry) throws Exception {
        Map<String, Object> body = new HashMap<>();
        body.put("reference", "2026/V-002/R-01");
        body.put("title", "保障被拘留者通知家属的权利");
        body.put("text", "每名被拘留者应能毫不拖延地通知一名亲属。");
        body.put("language", "zh");
        body.put("issuedOn", "2026-03-02");
        body.put("source", Map.of("kind", "VISIT_REPORT", "documentReference", "V-002"));
        body.put("addresseeAuthorityIds", List.of(ministry));
        body.put("themes", List.of("legal-safeguards"));
        body.put("scope", "SYSTEMIC");
        body.put("priority", "HIGH");
        body.put("standards", List.of());
        body.put("confidential", false);
        Http.Answer answer = command.post("analyst", "/api/recommendations", body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().get("recommendationId").asText();
    }
}
