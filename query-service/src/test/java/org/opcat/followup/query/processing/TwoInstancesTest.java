package org.opcat.followup.query.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.opcat.followup.query.replay.ReadModelReplay;
import org.opcat.followup.query.replay.ReplayStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two query-service instances on one database split the segments between them through the token
 * table's claims, and together build exactly the read models that one instance builds alone from
 * the same events.
 */
class TwoInstancesTest {

    private static final Map<String, Object> SHARE = Map.of(
            "followup.processing.segments", "4",
            "followup.processing.max-claimed-segments", "2");

    @Test
    void two_instances_share_the_segments_and_build_what_one_builds() {
        List<DomainEventMessage<?>> history = new ArrayList<>(SampleHistory.registers());
        history.addAll(SampleHistory.recommendations("shared", 200));
        // The same message objects (ids, timestamps) go into both databases.
        List<DomainEventMessage<?>> first = history.subList(0, history.size() / 2);
        List<DomainEventMessage<?>> second = history.subList(history.size() / 2, history.size());

        Map<String, List<String>> together;
        String shared = QueryServiceInstance.newDatabase();
        try (QueryServiceInstance a = QueryServiceInstance.start(shared, "node-a", SHARE);
                QueryServiceInstance b = QueryServiceInstance.start(shared, "node-b", SHARE)) {
            Await.until("each instance claimed two segments", Duration.ofSeconds(30),
                    () -> claimed(a) == 2 && claimed(b) == 2);
            // Writes arrive through either instance's event store, as from command-service.
            a.append(first);
            b.append(second);
            a.awaitCaughtUp();
            b.awaitCaughtUp();

            JdbcTemplate jdbc = a.bean(JdbcTemplate.class);
            assertThat(jdbc.queryForList("SELECT owner FROM query.token_entry WHERE processorname = 'read-models'"
                    + " ORDER BY segment", String.class))
                    .hasSize(4).containsOnly("node-a", "node-b").contains("node-a", "node-b");
            assertThat(a.bean(ReadModelProcessor.class).segments()).filteredOn(ReadModelProcessor.SegmentPosition::local)
                    .hasSize(2).allSatisfy(segment -> assertThat(segment.owner()).isEqualTo("node-a"));
            together = ReadTableDump.of(a);
            assertThat(ReadTableDump.of(b)).isEqualTo(together);

            // A replay needs every segment: with node-b holding two, node-a's attempt fails at once,
            // empties nothing, and node-a goes back to its segments.
            ReadModelReplay replay = a.bean(ReadModelReplay.class);
            replay.start("test");
            Await.until("the replay to give up", Duration.ofSeconds(30),
                    () -> replay.status().state() == ReplayStatus.State.FAILED);
            assertThat(replay.status().error()).contains("claim");
            Await.until("node-a to process again", Duration.ofSeconds(30), () -> claimed(a) == 2);
            assertThat(ReadTableDump.of(a)).isEqualTo(together);
        }

        String alone = QueryServiceInstance.newDatabase();
        try (QueryServiceInstance solo = QueryServiceInstance.start(alone, "solo")) {
            solo.append(first);
            solo.append(second);
            solo.awaitCaughtUp();
            Map<String, List<String>> single = ReadTableDump.of(solo);
            assertThat(ReadTableDump.rows(single)).isGreaterThan(200);
            assertThat(together).isEqualTo(single);
        }
    }

    @Test
    void without_a_limit_the_survivor_takes_over_every_segment_when_the_other_instance_stops() {
        String shared = QueryServiceInstance.newDatabase();
        try (QueryServiceInstance standby = QueryServiceInstance.start(shared, "standby")) {
            try (QueryServiceInstance first = QueryServiceInstance.start(shared, "first")) {
                first.append(SampleHistory.registers());
                first.awaitCaughtUp();
                // "standby" started first but "first" may have won some segments: what matters is
                // that all are held, and that the survivor holds them all once "first" is gone.
                Await.until("all segments claimed", Duration.ofSeconds(30),
                        () -> claimed(first) + claimed(standby) == 4);
            }
            Await.until("the standby to take over every segment", Duration.ofSeconds(30),
                    () -> claimed(standby) == 4);
            standby.append(SampleHistory.recommendations("after-failover", 20));
            standby.awaitCaughtUp();
            assertThat(standby.bean(JdbcTemplate.class).queryForObject(
                    "SELECT count(*) FROM query.recommendation_summary", Long.class)).isEqualTo(20);
        }
    }

    private static int claimed(QueryServiceInstance instance) {
        return instance.bean(ReadModelProcessor.class).processor().processingStatus().size();
    }
}
