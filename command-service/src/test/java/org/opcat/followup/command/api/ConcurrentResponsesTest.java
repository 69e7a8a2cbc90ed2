package org.opcat.followup.command.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.opcat.followup.command.api.Api.Answer;
import org.springframework.beans.factory.annotation.Autowired;

/** Eight analysts record a response to the same version at once: one wins, the others are told it is stale. */
@CommandServiceTest
class ConcurrentResponsesTest {

    @Autowired
    Api api;

    @Test
    void eachRequestEndsCreatedOrConflictAndTheStreamStaysConsecutive() throws Exception {
        UUID ministry = api.registerAuthority("司法部", "MINISTRY", null);
        UUID prison = api.registerPlace("第一看守所", "PRE_TRIAL_DETENTION", ministry);
        Answer issued = api.post("/api/recommendations", CommandApiTest.recommendation("2025/V-100/R-01", prison, ministry));
        String id = issued.json().get("recommendationId").asText();

        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Answer>> answers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int n = i;
            answers.add(pool.submit(() -> {
                start.await();
                return api.post("/api/recommendations/" + id + "/responses", Map.of("authorityId", ministry,
                        "receivedOn", "2025-07-0" + (n + 1), "channel", "MEETING", "position", "UNDER_CONSIDERATION",
                        "text", "会谈纪要 " + n), "If-Match", "\"0\"");
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Answer> answer : answers) {
            statuses.add(answer.get().status());
        }
        pool.shutdown();

        assertThat(statuses).allMatch(s -> s == 201 || s == 409);
        assertThat(statuses).contains(201, 409);
        List<Long> sequence = api.jdbc().queryForList("SELECT sequenceNumber FROM events.domain_event_entry "
                + "WHERE aggregateIdentifier = ? ORDER BY sequenceNumber", Long.class, id);
        long created = statuses.stream().filter(s -> s == 201).count();
        assertThat(sequence).hasSize((int) created + 1);
        for (int i = 0; i < sequence.size(); i++) {
            assertThat(sequence.get(i)).isEqualTo(i);
        }
    }
}
