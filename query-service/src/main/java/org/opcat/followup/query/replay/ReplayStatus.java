package org.opcat.followup.query.replay;

import java.time.Instant;
import java.util.List;
import org.opcat.followup.query.processing.ReadModelProcessor.SegmentPosition;

/**
 * Where a replay stands, as GET /api/admin/replay/status answers it. Events are counted by global
 * index: {@code totalEvents} is the newest index when the replay started, {@code doneEvents} the
 * index every segment has passed (gaps in the index, from rolled-back writes, count as events).
 *
 * @param state IDLE (no replay since start-up), RESETTING, REPLAYING, COMPLETED or FAILED
 */
public record ReplayStatus(
        State state,
        String requestedBy,
        Instant startedAt,
        Instant finishedAt,
        long totalEvents,
        long doneEvents,
        double percent,
        double eventsPerSecond,
        Long etaSeconds,
        List<String> truncatedTables,
        List<SegmentPosition> segments,
        String error) {

    public enum State { IDLE, RESETTING, REPLAYING, COMPLETED, FAILED }

    static ReplayStatus idle() {
        return new ReplayStatus(State.IDLE, null, null, null, 0, 0, 0, 0, null, List.of(), List.of(), null);
    }

    public boolean inProgress() {
        return state == State.RESETTING || state == State.REPLAYING;
    }
}
