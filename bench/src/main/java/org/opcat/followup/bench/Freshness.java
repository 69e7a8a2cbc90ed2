package org.opcat.followup.bench;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Write → visible: a follow-up visit is recorded through command-service at a steady rate, and as
 * soon as the command is answered the detail is asked of query-service with {@code minVersion} =
 * the answered version; the time from the command's answer to the query's answer is the lag a
 * client sees (the query side waits server-side and answers the moment the projection commits).
 * Open loop: a slow answer does not slow the schedule down, later writes just start late.
 */
final class Freshness {

    private Freshness() {
    }

    static Histogram measure(AppendThroughHttp writer, Api reader, List<UUID> recommendations, int writes, int perSecond)
            throws InterruptedException {
        Histogram lagMicros = new Histogram(TimeUnit.SECONDS.toMicros(30), 3);
        long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
        long next = System.nanoTime();
        LocalDate visited = LocalDate.now().minusDays(10);
        for (int i = 0; i < writes; i++) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            next += interval;
            UUID id = recommendations.get(i % recommendations.size());
            long version = writer.visit(id, visited);
            long answered = System.nanoTime();
            HttpResponse<byte[]> visible = reader.get("/api/recommendations/" + id + "?minVersion=" + version, Duration.ofSeconds(30));
            long lag = System.nanoTime() - answered;
            if (visible.statusCode() != 200) {
                throw new IllegalStateException("minVersion " + version + " of " + id + " → " + visible.statusCode());
            }
            lagMicros.recordValue(Math.min(TimeUnit.NANOSECONDS.toMicros(lag), lagMicros.getHighestTrackableValue()));
        }
        return lagMicros;
    }
}
