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
 * table's claims (each takes its fair share), together build exactly the read models that one
 * instance builds alone from the same events, replay together, and one takes over when the other
 * stops.
 */
class TwoInstancesTest {

    private static final Map<String, Object> SHARE = Map.of("followup.processing.segments", "4");

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
            // No limit configured: the fair share (4 segments, 2 live instances) splits them.
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

            // A replay from node-a: node-b lets go of its segments for the reset, then both rebuild.
            ReadModelReplay replay = a.bean(ReadModelReplay.class);
            replay.start("test");
            Await.until("the shared replay to complete", Duration.ofSeconds(60), () -> {
                assertThat(replay.status().state()).isNotEqualTo(ReplayStatus.State.FAILED);
                return replay.status().state() == ReplayStatus.State.COMPLETED;
            });
            Await.until("the segments shared again", Duration.ofSeconds(30),
                    () -> claimed(a) == 2 && claimed(b) == 2);
            assertThat(ReadTableDump.of(a)).isEqualTo(together);

            // Two replays asked for at once on both: the first wins; the other gives up, or runs after
            // it if the first's reset is done before the second stops waiting. Nothing stalls.
            ReadModelReplay replayOnB = b.bean(ReadModelReplay.class);
            replay.start("test on a");
            replayOnB.start("test on b");
            Await.until("both replays to finish", Duration.ofSeconds(90),
                    () -> !replay.status().inProgress() && !replayOnB.status().inProgress());
            assertThat(List.of(replay.status().state(), replayOnB.status().state()))
                    .contains(ReplayStatus.State.COMPLETED)
                    .allMatch(state -> state == ReplayStatus.State.COMPLETED || state == ReplayStatus.State.FAILED);
            Await.until("the segments shared again", Duration.ofSeconds(30),
                    () -> claimed(a) == 2 && claimed(b) == 2);
            a.awaitCaughtUp();
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
    void the_survivor_takes_over_every_segment_when_the_other_instance_stops() {
        String shared = QueryServiceInstance.newDatabase();
        try (QueryServiceInstance survivor = QueryServiceInstance.start(shared, "survivor")) {
            try (QueryServiceInstance leaving = QueryServiceInstance.start(shared, "leaving")) {
                leaving.append(SampleHistory.registers());
                Await.until("the segments shared", Duration.ofSeconds(30),
                        () -> claimed(leaving) == 2 && claimed(survivor) == 2);
                leaving.awaitCaughtUp();
            }
            Await.until("the survivor to take over every segment", Duration.ofSeconds(30),
                    () -> claimed(survivor) == 4);
            survivor.append(SampleHistory.recommendations("after-failover", 20));
            survivor.awaitCaughtUp();
            assertThat(survivor.bean(JdbcTemplate.class).queryForObject(
                    "SELECT count(*) FROM query.recommendation_summary", Long.class)).isEqualTo(20);
        }
    }

    private static int claimed(QueryServiceInstance instance) {
        return instance.bean(ReadModelProcessor.class).processor().processingStatus().size();
    }
}
