package org.opcat.followup.query.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opcat.followup.events.EventSerialization;
import org.opcat.followup.events.recommendation.AuthorityResponseRecorded;
import org.opcat.followup.events.recommendation.Channel;
import org.opcat.followup.events.recommendation.Position;
import org.opcat.followup.events.recommendation.Priority;
import org.opcat.followup.events.recommendation.RecommendationIssued;
import org.opcat.followup.events.recommendation.Scope;
import org.opcat.followup.events.recommendation.Source;
import org.opcat.followup.events.recommendation.SourceKind;
import org.opcat.followup.query.EventLog;
import org.opcat.followup.query.QueryServiceTest;
import org.opcat.followup.query.ReadModels;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Events the read models cannot take (a projector that throws, a payload or metadata that is not
 * JSON, a type no class matches) are logged with their position and aggregate, recorded in query.failed_event,
 * their aggregate is parked, every other aggregate goes on, and health says DEGRADED. A transient
 * failure is retried instead and parks nothing.
 */
@QueryServiceTest
// Its own context (the troubled projector) that no other test reuses: close it while the database is
// still up, not in a JVM shutdown hook racing the embedded server's.
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
@Import(PoisonEventTest.TroubledProjector.class)
class PoisonEventTest {

    private static final Instant RECORDED = Instant.parse("2026-03-01T10:00:00Z");

    @Autowired
    EventLog events;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ReadModelProcessor readModels;
    @Autowired
    TroubledProjector troubled;

    @Test
    void poison_events_are_recorded_and_parked_while_everything_else_goes_on(CapturedOutput output) {
        UUID healthy = UUID.randomUUID();
        UUID throwing = UUID.randomUUID();
        UUID corrupt = UUID.randomUUID();
        UUID unknownType = UUID.randomUUID();
        UUID badMetadata = UUID.randomUUID();
        UUID flaky = UUID.randomUUID();
        UUID later = UUID.randomUUID();

        events.recommendation(healthy).then(issued(healthy, "healthy"), "t", RECORDED);
        events.recommendation(throwing).then(issued(throwing, TroubledProjector.POISON), "t", RECORDED)
                .then(response(throwing), "t", RECORDED);
        long corruptPosition = insertRaw(corrupt, 0, RecommendationIssued.class.getName(), "{\"recommendationId\": \"");
        events.appendAsAnotherProcess("Recommendation", corrupt, 1, response(corrupt), "t", RECORDED);
        long unknownPosition = insertRaw(unknownType, 0, "org.opcat.followup.events.recommendation.RecommendationTeleported",
                "{\"recommendationId\": \"" + unknownType + "\"}");
        long badMetadataPosition = insertRaw(badMetadata, 0, RecommendationIssued.class.getName(),
                json(issued(badMetadata, "bad metadata")), "{recordedBy");
        troubled.hiccups = true;
        events.recommendation(flaky).then(issued(flaky, TroubledProjector.FLAKY), "t", RECORDED);
        events.recommendation(later).then(issued(later, "later"), "t", RECORDED);

        // While the database hiccups, health says DOWN and names the failing segment's exception.
        Await.until("health to show the retried event", Duration.ofSeconds(30), () -> {
            Map<?, ?> health = http.getForObject("/actuator/health/readModels", Map.class);
            List<?> retrying = (List<?>) ((Map<?, ?>) health.get("details")).get("retrying");
            return "DOWN".equals(health.get("status")) && !retrying.isEmpty()
                    && QueryTimeoutException.class.getName().equals(((Map<?, ?>) retrying.get(0)).get("errorClass"));
        });
        troubled.hiccups = false;

        Await.until("every event processed", Duration.ofSeconds(60), () ->
                ReadModelProcessor.lowestPosition(readModels.segments()) >= readModels.headPosition());

        // Other aggregates, before and after the poison events, are all there.
        assertThat(summaryIds()).contains(healthy, flaky, later).doesNotContain(throwing, corrupt, unknownType, badMetadata);
        assertThat(troubled.applied).contains("healthy", TroubledProjector.FLAKY, "later");

        // The failures and what was parked behind them.
        List<Map<String, Object>> failed = jdbc.queryForList(
                "SELECT global_index, aggregate_id, sequence_number, outcome, payload_type, error_class"
                        + " FROM query.failed_event ORDER BY global_index");
        assertThat(failed).extracting(row -> row.get("aggregate_id") + "#" + row.get("sequence_number") + " "
                + row.get("outcome")).containsExactly(
                throwing + "#0 FAILED", throwing + "#1 PARKED",
                corrupt + "#0 FAILED", corrupt + "#1 PARKED",
                unknownType + "#0 FAILED",
                badMetadata + "#0 FAILED");
        assertThat(failed.get(0).get("error_class")).isEqualTo(IllegalStateException.class.getName());
        assertThat(failed.get(2).get("global_index")).isEqualTo(corruptPosition);
        assertThat((String) failed.get(2).get("error_class")).contains("Json");
        assertThat(failed.get(4).get("global_index")).isEqualTo(unknownPosition);
        assertThat(failed.get(4).get("error_class")).isEqualTo(UnknownEventTypes.UnknownEventType.class.getName());
        assertThat(failed.get(5).get("global_index")).isEqualTo(badMetadataPosition);
        assertThat((String) failed.get(5).get("error_class")).contains("Json");

        // The log names position and aggregate of each failure.
        assertThat(output.getAll()).contains("event at global position " + corruptPosition + " of aggregate " + corrupt);
        assertThat(output.getAll()).contains("of aggregate " + throwing);

        // A transient failure was retried, not parked.
        assertThat(troubled.transientFailures).isPositive();

        // Health: running, caught up, but DEGRADED with the failures counted.
        Map<?, ?> health = http.getForObject("/actuator/health/readModels", Map.class);
        assertThat(health.get("status")).isEqualTo("DEGRADED");
        Map<?, ?> details = (Map<?, ?>) health.get("details");
        assertThat(details.get("running")).isEqualTo(true);
        assertThat(details.get("lag")).isEqualTo(0);
        assertThat((List<?>) details.get("retrying")).isEmpty();
        assertThat(details.get("failedEvents")).isEqualTo(4);
        assertThat(details.get("parkedEvents")).isEqualTo(2);
        assertThat(((Map<?, ?>) details.get("latestFailure")).get("globalIndex")).isEqualTo((int) badMetadataPosition);
        List<?> listed = http.getForObject("/api/admin/failed-events", List.class);
        assertThat(listed).hasSize(6);
        Map<?, ?> first = (Map<?, ?>) listed.get(0);
        assertThat(first.get("aggregateId")).isEqualTo(throwing.toString());
        assertThat(first.get("outcome")).isEqualTo("FAILED");
        assertThat(first.get("errorMessage")).isEqualTo("a bug in a projector");
        Map<?, ?> overall = http.getForObject("/actuator/health", Map.class);
        assertThat(overall.get("status")).as("the service as a whole").isEqualTo("DEGRADED");

        // New events of a parked aggregate are parked too; others still go on.
        events.appendAsAnotherProcess("Recommendation", throwing, 2, response(throwing), "t", RECORDED);
        UUID afterwards = UUID.randomUUID();
        events.recommendation(afterwards).then(issued(afterwards, "afterwards"), "t", RECORDED);
        Await.until("the new events processed", Duration.ofSeconds(30), () -> summaryIds().contains(afterwards)
                && ReadModelProcessor.lowestPosition(readModels.segments()) >= readModels.headPosition());
        assertThat(jdbc.queryForObject("SELECT outcome FROM query.failed_event WHERE aggregate_id = ?"
                + " AND sequence_number = 2", String.class, throwing.toString())).isEqualTo("PARKED");

        // The bug is fixed (a new release of the projector): a replay retries every put-aside event.
        // The fixed aggregate is now in the read models with all three events; the corrupt rows,
        // which no code can read, are recorded again.
        troubled.fixed = true;
        assertThat(http.postForEntity("/api/admin/replay", null, String.class).getStatusCode().value()).isEqualTo(202);
        Await.until("the replay completed", Duration.ofSeconds(60), () -> "COMPLETED".equals(
                ((Map<?, ?>) http.getForObject("/api/admin/replay/status", Map.class)).get("state")));
        assertThat(summaryIds()).contains(throwing, healthy, flaky, later, afterwards);
        assertThat(jdbc.queryForObject("SELECT version FROM query.recommendation_summary WHERE recommendation_id = ?",
                Long.class, throwing)).isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT DISTINCT aggregate_id FROM query.failed_event", String.class))
                .doesNotContain(throwing.toString())
                .contains(corrupt.toString(), unknownType.toString(), badMetadata.toString());
    }

    /**
     * Short of a replay, an administrator retries an aggregate's failed and parked events (after a
     * fix) or evicts them. Leaves no row behind, so the test above sees the table as it left it.
     */
    @Test
    void an_administrator_retries_or_evicts_the_failed_events_of_an_aggregate() {
        troubled.fixed = false;
        UUID retried = UUID.randomUUID();
        UUID evicted = UUID.randomUUID();
        events.recommendation(retried).then(issued(retried, TroubledProjector.POISON), "t", RECORDED)
                .then(response(retried), "t", RECORDED);
        events.recommendation(evicted).then(issued(evicted, TroubledProjector.POISON), "t", RECORDED)
                .then(response(evicted), "t", RECORDED);
        Await.until("both aggregates parked", Duration.ofSeconds(30),
                () -> rowsOf(retried).size() == 2 && rowsOf(evicted).size() == 2);
        try {
            // Not fixed yet: the retry fails again, keeps nothing, and the events stay parked.
            Map<?, ?> again = http.postForObject("/api/admin/failed-events/{id}/retry", null, Map.class, retried);
            assertThat(again.get("applied")).isEqualTo(false);
            assertThat(again.get("errorClass")).isEqualTo(IllegalStateException.class.getName());
            assertThat(rowsOf(retried)).containsExactly("0 FAILED", "1 PARKED");
            assertThat(summaryIds()).doesNotContain(retried);

            troubled.fixed = true;
            Map<?, ?> applied = http.postForObject("/api/admin/failed-events/{id}/retry", null, Map.class, retried);
            assertThat(applied.get("applied")).isEqualTo(true);
            assertThat(applied.get("appliedEvents")).isEqualTo(2);
            assertThat(rowsOf(retried)).isEmpty();
            assertThat(summaryVersion(retried)).isEqualTo(1);
            // No longer parked: its next event is applied as any other.
            events.appendAsAnotherProcess("Recommendation", retried, 2, response(retried), "t", RECORDED);
            Await.until("the retried aggregate's next event applied", Duration.ofSeconds(30),
                    () -> Long.valueOf(2).equals(summaryVersion(retried)));
            assertThat(rowsOf(retried)).isEmpty();

            // Evicted: the rows go, the events are not applied (a replay would apply them).
            assertThat(http.exchange("/api/admin/failed-events/{id}", org.springframework.http.HttpMethod.DELETE, null,
                    String.class, evicted).getStatusCode().value()).isEqualTo(204);
            assertThat(rowsOf(evicted)).isEmpty();
            assertThat(summaryIds()).doesNotContain(evicted);

            // Nothing recorded for an aggregate: 404, as a problem.
            UUID nothing = UUID.randomUUID();
            var unknownRetry = http.postForEntity("/api/admin/failed-events/{id}/retry", null, String.class, nothing);
            assertThat(unknownRetry.getStatusCode().value()).isEqualTo(404);
            assertThat(unknownRetry.getHeaders().getContentType())
                    .isEqualTo(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(http.exchange("/api/admin/failed-events/{id}", org.springframework.http.HttpMethod.DELETE, null,
                    String.class, evicted).getStatusCode().value()).isEqualTo(404);
            // Only administrators.
            assertThat(http.withBasicAuth("analyst", "analyst-demo").postForEntity(
                    "/api/admin/failed-events/{id}/retry", null, String.class, nothing).getStatusCode().value())
                    .isEqualTo(403);
        } finally {
            troubled.fixed = false;
        }
    }

    private List<String> rowsOf(UUID aggregate) {
        return jdbc.queryForList("SELECT sequence_number || ' ' || outcome FROM query.failed_event"
                + " WHERE aggregate_id = ? ORDER BY global_index", String.class, aggregate.toString());
    }

    private Long summaryVersion(UUID id) {
        return jdbc.queryForList("SELECT version FROM query.recommendation_summary WHERE recommendation_id = ?",
                Long.class, id).stream().findFirst().orElse(null);
    }

    private Set<UUID> summaryIds() {
        return Set.copyOf(jdbc.queryForList("SELECT recommendation_id FROM query.recommendation_summary", UUID.class));
    }

    /** Writes an event row by hand, as a broken writer or a manual fix gone wrong would. */
    private long insertRaw(UUID aggregate, long sequence, String payloadType, String payload) {
        return insertRaw(aggregate, sequence, payloadType, payload, "{\"recordedBy\":\"t\"}");
    }

    private long insertRaw(UUID aggregate, long sequence, String payloadType, String payload, String metaData) {
        return jdbc.queryForObject("INSERT INTO events.domain_event_entry (aggregateidentifier, sequencenumber, type,"
                        + " eventidentifier, metadata, payload, payloadrevision, payloadtype, timestamp)"
                        + " VALUES (?, ?, 'Recommendation', ?, ?, ?, NULL, ?, ?) RETURNING globalindex", Long.class,
                aggregate.toString(), sequence, UUID.randomUUID().toString(),
                metaData.getBytes(StandardCharsets.UTF_8), payload.getBytes(StandardCharsets.UTF_8), payloadType,
                RECORDED.toString());
    }

    private static String json(Object payload) {
        return new String(EventSerialization.serializer().serialize(payload, byte[].class).getData(),
                StandardCharsets.UTF_8);
    }

    private static RecommendationIssued issued(UUID id, String title) {
        return new RecommendationIssued(id, "2026/P/" + id, title, "text", "en", LocalDate.of(2026, 1, 5),
                new Source(SourceKind.VISIT_REPORT, "V-1"), null, List.of(SampleHistory.MINISTRY),
                List.of("health-care"), Scope.SYSTEMIC, Priority.HIGH, List.of(), null, false);
    }

    private static AuthorityResponseRecorded response(UUID id) {
        return new AuthorityResponseRecorded(id, UUID.randomUUID(), SampleHistory.MINISTRY, LocalDate.of(2026, 2, 1),
                Channel.WRITTEN, Position.ACCEPTED, "ok", null);
    }

    /** A projector of the read-model group with a bug for one title and a passing hiccup for another. */
    @Component
    @ProcessingGroup(ReadModels.PROCESSING_GROUP)
    static class TroubledProjector {

        static final String POISON = "poison: the projector throws on this one";
        static final String FLAKY = "flaky: the database hiccups on this one while hiccups is set";

        final Set<String> applied = ConcurrentHashMap.newKeySet();
        volatile int transientFailures;
        volatile boolean hiccups;
        volatile boolean fixed;

        @EventHandler
        void on(RecommendationIssued issued) {
            if (issued.title().equals(POISON) && !fixed) {
                throw new IllegalStateException("a bug in a projector");
            }
            if (issued.title().equals(FLAKY) && hiccups) {
                transientFailures++;
                throw new QueryTimeoutException("statement timeout");
            }
            applied.add(issued.title());
        }
    }
}
