package org.opcat.followup.query.processing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Notices a read-model processor that stopped moving while events wait for it. The processor can
 * look healthy when it is not: if the thread that reads the event store dies (it did once, of
 * OutOfMemoryError), the processor still runs, reports no error and simply receives nothing more,
 * so the read models freeze behind a service that says it is up. The only sign is a position that
 * stays put while the head of the event store moves on.
 */
@Component
public class StallWatch {

    private static final Logger log = LoggerFactory.getLogger(StallWatch.class);

    private final Duration stallAfter;
    private final Clock clock;
    private long lastPosition = Long.MIN_VALUE;
    private Instant movedAt;
    private boolean reported;

    public StallWatch(@Value("${followup.processing.stall-after:60s}") Duration stallAfter, Clock clock) {
        this.stallAfter = stallAfter;
        this.clock = clock;
    }

    /**
     * @return how long the processor has stood still with events waiting, once that is longer than
     *         {@code followup.processing.stall-after}; empty while it moves or has nothing to do
     */
    public synchronized Optional<Duration> observe(long position, long head) {
        Instant now = clock.instant();
        if (position != lastPosition || position >= head) {
            lastPosition = position;
            movedAt = now;
            if (reported) {
                log.info("read-model processor moves again, at position {}", position);
                reported = false;
            }
            return Optional.empty();
        }
        Duration still = Duration.between(movedAt, now);
        if (still.compareTo(stallAfter) <= 0) {
            return Optional.empty();
        }
        if (!reported) {
            log.error("read-model processor stalled: position {} unchanged for {} s while the event store is at {}; "
                    + "the read models are frozen until query-service is restarted (it resumes from its stored position)",
                    position, still.toSeconds(), head);
            reported = true;
        }
        return Optional.of(still);
    }
}
