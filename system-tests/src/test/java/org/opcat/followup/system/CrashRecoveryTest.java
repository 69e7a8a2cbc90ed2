package org.opcat.followup.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Real processes, killed with SIGKILL (no shutdown hook, no graceful stop) at the worst moments.
 * Nothing answered is lost, nothing is half-written, and the read models end as a clean replay
 * builds them.
 */
class CrashRecoveryTest {

    @Test
    void queryServiceKilledWhileProcessingAndWhileReplayingEndsWithCleanReadModels() throws Exception {
        try (Stack stack = Stack.start("query-crash")) {
            long events = new EventBulk(stack.database()).write(2_000);

            Waiting.until("processing under way", Duration.ofMinutes(2), () -> {
                JsonNode health = readModels(stack);
                return health.path("position").asLong() > 0;
            });
            long positionAtCrash = readModels(stack).path("position").asLong();
            stack.crashAndRestartQuery();
            System.out.printf("query-service killed at position %d of %d events%n", positionAtCrash, events);
            awaitCaughtUp(stack);
            var afterCrash = ReadModelDump.of(stack.database());

            replayAndWait(stack);
            var clean = ReadModelDump.of(stack.database());
            assertThat(ReadModelDump.rows(clean)).isGreaterThan(2_000 * 4);
            assertThat(afterCrash).isEqualTo(clean);

            assertThat(stack.query().post("admin", "/api/admin/replay", null).status()).isEqualTo(202);
            Waiting.until("the replay under way", Duration.ofMinutes(2), () -> {
                JsonNode status = stack.query().get("admin", "/api/admin/replay/status").json();
                return "REPLAYING".equals(status.path("state").asText()) && status.path("doneEvents").asLong() > 0;
            });
            long doneAtCrash = stack.query().get("admin", "/api/admin/replay/status").json().path("doneEvents").asLong();
            stack.crashAndRestartQuery();
            System.out.printf("query-service killed during a replay at %d of %d events%n", doneAtCrash, events);
            awaitCaughtUp(stack);
            assertThat(ReadModelDump.of(stack.database())).isEqualTo(clean);
        }
    }

    @Test
    void commandServiceKilledDuringABurstLosesNothingItAnsweredAndHalfWritesNothing() throws Exception {
        try (Stack stack = Stack.start("command-crash")) {
            String authority = stack.command().post("admin", "/api/authorities", Map.of("name", "Ministry of Justice",
                    "kind", "MINISTRY")).json().get("authorityId").asText();
            List<String[]> answered = Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService clients = Executors.newFixedThreadPool(8);
            for (int c = 0; c < 8; c++) {
                clients.submit(() -> {
                    while (running.get()) {
                        try {
                            String id = UUID.randomUUID().toString();
                            Http.Answer issued = stack.command().post("analyst", "/api/recommendations", issue(id, authority));
                            if (issued.status() != 201) {
                                continue;
                            }
                            answered.add(new String[] {id, "0"});
                            Http.Answer response = stack.command().post("analyst", "/api/recommendations/" + id + "/responses",
                                    Map.of("authorityId", authority, "receivedOn", "2026-02-01", "channel", "ORAL",
                                            "position", "ACCEPTED", "text", "accepted at the meeting"));
                            if (response.status() == 201) {
                                answered.add(new String[] {id, response.json().get("version").asText()});
                            }
                        } catch (IOException refusedOrCut) {
                            // the process is gone: this request's fate is unknown to the client, as in real life
                        }
                    }
                    return null;
                });
            }
            Waiting.until("a burst under way", Duration.ofMinutes(2), () -> answered.size() >= 150);
            stack.crashCommand();
            running.set(false);
            clients.shutdown();
            assertThat(clients.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
            stack.restartCommand();
            System.out.printf("command-service killed after %d answered commands%n", answered.size());

            JdbcTemplate jdbc = new JdbcTemplate(stack.database());
            synchronized (answered) {
                for (String[] command : answered) {
                    assertThat(jdbc.queryForObject("SELECT count(*) FROM events.domain_event_entry "
                            + "WHERE aggregateIdentifier = ? AND sequenceNumber = ?", Long.class, command[0], Long.parseLong(command[1])))
                            .as("answered 2xx, so stored: " + command[0] + " #" + command[1]).isEqualTo(1);
                }
            }
            assertThat(jdbc.queryForList("SELECT aggregateIdentifier FROM events.domain_event_entry GROUP BY aggregateIdentifier "
                    + "HAVING count(*) <> max(sequenceNumber) + 1 OR min(sequenceNumber) <> 0", String.class))
                    .as("every stream is whole").isEmpty();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM events.recommendation_reference r WHERE NOT EXISTS ("
                    + "SELECT 1 FROM events.domain_event_entry e WHERE e.aggregateIdentifier = r.recommendation_id::text "
                    + "AND e.sequenceNumber = 0)", Long.class)).as("no reference claimed without its event").isZero();
            JsonNode chain = stack.command().get("admin", "/api/admin/event-chain").json();
            assertThat(chain.get("firstBrokenLink").isNull()).as(chain.toString()).isTrue();
        }
    }

    private static Map<String, Object> issue(String id, String authority) {
        Map<String, Object> body = new HashMap<>();
        body.put("recommendationId", id);
        body.put("reference", "CRASH-" + id);
        body.put("title", "Record every use of force");
        body.put("text", "Every use of force must be recorded and reviewed.");
        body.put("language", "en");
        body.put("issuedOn", "2026-01-10");
        body.put("source", Map.of("kind", "VISIT_REPORT", "documentReference", "V-7"));
        body.put("addresseeAuthorityIds", List.of(authority));
        body.put("themes", List.of("use-of-force"));
        body.put("scope", "SYSTEMIC");
        body.put("priority", "HIGH");
        body.put("standards", List.of());
        body.put("confidential", false);
        return body;
    }

    private static JsonNode readModels(Stack stack) throws Exception {
        return stack.query().get("admin", "/actuator/health/readModels").json().path("details");
    }

    private static void awaitCaughtUp(Stack stack) throws Exception {
        Waiting.until("the read models caught up", Duration.ofMinutes(4), () -> {
            JsonNode details = readModels(stack);
            // Not "replaying == false": Axon keeps a replay token until an event newer than the
            // reset arrives, so an idle store reports a finished replay as still replaying.
            return details.path("running").asBoolean() && details.path("lag").asLong(-1) == 0
                    && details.path("headPosition").asLong() > 0;
        });
    }

    private static void replayAndWait(Stack stack) throws Exception {
        assertThat(stack.query().post("admin", "/api/admin/replay", null).status()).isEqualTo(202);
        Waiting.until("the replay completed", Duration.ofMinutes(4), () -> "COMPLETED".equals(
                stack.query().get("admin", "/api/admin/replay/status").json().path("state").asText()));
        awaitCaughtUp(stack);
    }
}
