package org.opcat.followup.query.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;
import org.opcat.followup.query.processing.Await;
import org.opcat.followup.query.processing.QueryServiceInstance;
import org.opcat.followup.query.processing.ReadModelProcessor;
import org.opcat.followup.query.processing.ReadTableDump;
import org.opcat.followup.query.processing.SampleHistory;
import org.opcat.followup.query.replay.ReplayStatus.State;

/**
 * Read models rebuilt by a replay equal the ones built event by event: build incrementally, dump
 * every read table, replay (through the admin endpoint, then through the start-up flag), dump
 * again, compare. {@code -Dreplay.recommendations=N} makes the history larger for a rate figure.
 */
class ReplayTest {

    private static final int RECOMMENDATIONS = Integer.getInteger("replay.recommendations", 300);
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void a_replay_rebuilds_exactly_the_read_models_built_incrementally() {
        String database = QueryServiceInstance.newDatabase();
        Map<String, List<String>> incremental;
        try (QueryServiceInstance service = QueryServiceInstance.start(database, "replay-test")) {
            service.append(SampleHistory.registers());
            // Two waves with the processor caught up in between: the read models are built the way
            // they are in production, a few events at a time, not in one sweep.
            appendInChunks(service, SampleHistory.recommendations("first", RECOMMENDATIONS / 2));
            service.awaitCaughtUp();
            appendInChunks(service, SampleHistory.recommendations("second", RECOMMENDATIONS - RECOMMENDATIONS / 2));
            service.awaitCaughtUp();
            incremental = ReadTableDump.of(service);
            assertThat(ReadTableDump.rows(incremental)).as("rows in the read tables").isGreaterThan(RECOMMENDATIONS);
            long head = service.bean(ReadModelProcessor.class).headPosition();

            HttpResponse<String> started = service.post("/api/admin/replay");
            assertThat(started.statusCode()).isEqualTo(202);
            assertThat(started.headers().firstValue("Location")).contains("/api/admin/replay/status");
            HttpResponse<String> again = service.post("/api/admin/replay");
            assertThat(again.statusCode()).as("a second replay while one runs").isEqualTo(409);
            assertThat(again.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(again.body()).contains("\"type\":\"https://opcat-followup.example/problems/replay-running\"");

            JsonNode status = awaitCompleted(service);
            assertThat(status.get("totalEvents").asLong()).isEqualTo(head);
            assertThat(status.get("doneEvents").asLong()).isEqualTo(head);
            assertThat(status.get("percent").asDouble()).isEqualTo(100.0);
            assertThat(status.get("eventsPerSecond").asDouble()).isPositive();
            assertThat(status.get("finishedAt").isNull()).isFalse();
            assertThat(json.convertValue(status.get("truncatedTables"), List.class))
                    .contains("failed_event").doesNotContain("token_entry", "flyway_schema_history");
            System.out.printf("replay of %d events: %.0f events/s%n", head, status.get("eventsPerSecond").asDouble());

            assertThat(ReadTableDump.of(service)).isEqualTo(incremental);
        }

        try (QueryServiceInstance restarted = QueryServiceInstance.start(database, "replay-test",
                Map.of("followup.replay-on-start", "true"))) {
            ReadModelReplay replay = restarted.bean(ReadModelReplay.class);
            Await.until("the start-up replay to complete", Duration.ofSeconds(120),
                    () -> replay.status().state() == State.COMPLETED);
            assertThat(replay.status().requestedBy()).contains("followup.replay-on-start");
            assertThat(ReadTableDump.of(restarted)).isEqualTo(incremental);
        }

        // Changing the segment count: empty the token table, start with the new count and the flag.
        TestPostgresTokens.delete(database);
        try (QueryServiceInstance resegmented = QueryServiceInstance.start(database, "replay-test",
                Map.of("followup.replay-on-start", "true", "followup.processing.segments", "8"))) {
            ReadModelReplay replay = resegmented.bean(ReadModelReplay.class);
            Await.until("the start-up replay to complete", Duration.ofSeconds(120),
                    () -> replay.status().state() == State.COMPLETED);
            assertThat(resegmented.bean(ReadModelProcessor.class).segments()).hasSize(8);
            assertThat(ReadTableDump.of(resegmented)).isEqualTo(incremental);
        }
    }

    /** What an operator does by hand before changing the segment count. */
    private static final class TestPostgresTokens {
        static void delete(String database) {
            new org.springframework.jdbc.core.JdbcTemplate(org.opcat.followup.testsupport.TestPostgres.dataSource(database))
                    .update("DELETE FROM query.token_entry WHERE processorname = 'read-models'");
        }
    }

    private static void appendInChunks(QueryServiceInstance service, List<DomainEventMessage<?>> events) {
        for (int from = 0; from < events.size(); from += 250) {
            service.append(events.subList(from, Math.min(events.size(), from + 250)));
        }
    }

    private JsonNode awaitCompleted(QueryServiceInstance service) {
        JsonNode[] last = new JsonNode[1];
        Await.until("the replay to complete", Duration.ofSeconds(120), () -> {
            last[0] = get(service, "/api/admin/replay/status");
            assertThat(last[0].get("state").asText()).isNotEqualTo("FAILED");
            return last[0].get("state").asText().equals("COMPLETED");
        });
        return last[0];
    }

    private JsonNode get(QueryServiceInstance service, String path) {
        HttpResponse<String> response = service.get(path);
        assertThat(response.statusCode()).isEqualTo(200);
        try {
            return json.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
