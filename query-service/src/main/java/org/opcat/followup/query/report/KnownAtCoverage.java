package org.opcat.followup.query.report;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.opcat.followup.eventstore.EventStoreConfiguration;
import org.opcat.followup.query.processing.ReadModelProcessor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A report may only be made once the read model holds every event recorded at or before its
 * {@code knownAt}; otherwise a report asked just after a write could miss an event that the same
 * request repeated later would see, and the same {@code knownAt} would not give the same figures.
 *
 * <p>The read models contain every event up to the processor's lowest segment position. An event
 * beyond it whose timestamp is at or before {@code knownAt} is still missing: then this waits (up
 * to {@code followup.freshness.max-wait}) and gives up with {@link Behind}. The event store keeps
 * timestamps as ISO-8601 text whose fractional digits vary, so they are compared as instants
 * ({@code CAST ... AS timestamptz}), never as strings. The scan only looks past the processed
 * position (a primary-key range), so it is cheap when the read model is current.
 */
@Component
public class KnownAtCoverage {

    private static final Duration RECHECK = Duration.ofMillis(50);

    private final JdbcTemplate jdbc;
    private final ReadModelProcessor readModels;
    private final Duration maxWait;

    public KnownAtCoverage(JdbcTemplate jdbc, ReadModelProcessor readModels,
            @Value("${followup.freshness.max-wait:5s}") Duration maxWait) {
        this.jdbc = jdbc;
        this.readModels = readModels;
        this.maxWait = maxWait;
    }

    public void awaitEventsRecordedBy(Instant knownAt) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (missing(knownAt)) {
            if (System.nanoTime() > deadline) {
                throw new Behind(knownAt, maxWait);
            }
            try {
                Thread.sleep(RECHECK.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Behind(knownAt, maxWait);
            }
        }
    }

    private boolean missing(Instant knownAt) {
        if (!readModels.exists()) {
            return false;
        }
        long processed = ReadModelProcessor.lowestPosition(readModels.segments());
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM "
                + EventStoreConfiguration.EVENT_TABLE
                + " WHERE globalindex > ? AND CAST(timestamp AS timestamptz) <= ?)", Boolean.class,
                processed, Timestamp.from(knownAt)));
    }

    /** The read model has not yet taken in every event recorded by knownAt: 503, try again shortly. */
    public static class Behind extends RuntimeException {
        Behind(Instant knownAt, Duration waited) {
            super("events recorded by " + knownAt + " are not all in the read model yet (waited "
                    + waited.toMillis() + " ms); try again shortly");
        }
    }
}
