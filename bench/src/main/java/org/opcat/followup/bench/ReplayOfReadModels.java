package org.opcat.followup.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;

/**
 * Rebuilds every read model: query-service is started with FOLLOWUP_REPLAY_ON_START=true (read
 * tables emptied, tokens reset, all projectors fed from global index 0) and its replay status is
 * watched until COMPLETED. The time is the service's own, startedAt to finishedAt.
 */
final class ReplayOfReadModels {

    record Result(long events, double seconds, double perSecond) {
    }

    private ReplayOfReadModels() {
    }

    static Result await(Api admin, Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        Instant lastPrint = Instant.now();
        while (Instant.now().isBefore(deadline)) {
            JsonNode status = admin.getJson("/api/admin/replay/status");
            String state = status.path("state").asText();
            if (state.equals("COMPLETED")) {
                double seconds = Duration.between(Instant.parse(status.get("startedAt").asText()),
                        Instant.parse(status.get("finishedAt").asText())).toMillis() / 1000.0;
                long events = status.path("totalEvents").asLong();
                return new Result(events, seconds, events / seconds);
            }
            if (state.equals("FAILED")) {
                throw new IllegalStateException("replay failed: " + status.path("error").asText());
            }
            if (Duration.between(lastPrint, Instant.now()).toSeconds() >= 30) {
                System.out.printf("    replay %s: %d of %d events, %.0f events/s, load %s%n", state,
                        status.path("doneEvents").asLong(), status.path("totalEvents").asLong(),
                        status.path("eventsPerSecond").asDouble(), Machine.loadAverage());
                lastPrint = Instant.now();
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("replay not completed within " + limit);
    }
}
