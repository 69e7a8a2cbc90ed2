package org.opcat.followup.query.processing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

/**
 * Events this instance is retrying after a transient failure, until they succeed. Health needs
 * this because Axon does not keep it: a work package that fails is aborted and its segment released
 * and re-claimed after a growing back-off, so between attempts the processor's status shows nothing
 * wrong, only a segment nobody holds.
 */
@Component
public class RetriedEvents {

    /** Older entries are forgotten: the event was probably handled by another instance since. */
    private static final Duration FORGET_AFTER = Duration.ofMinutes(5);

    private final Map<String, Retry> retries = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    void failed(EventMessage<?> event, Throwable error) {
        FailedEvent failed = FailedEvent.of(event, error);
        retries.compute(event.getIdentifier(), (id, earlier) -> new Retry(failed.globalIndex(), failed.aggregateId(),
                failed.errorClass(), earlier == null ? clock.instant() : earlier.since(),
                earlier == null ? 1 : earlier.attempts() + 1));
    }

    void succeeded(EventMessage<?> event) {
        if (!retries.isEmpty()) {
            retries.remove(event.getIdentifier());
        }
    }

    /** The events still being retried, oldest first. */
    public List<Retry> current() {
        Instant horizon = clock.instant().minus(FORGET_AFTER);
        retries.values().removeIf(retry -> retry.since().isBefore(horizon));
        return retries.values().stream().sorted(Comparator.comparing(Retry::since)).toList();
    }

    /** One event that failed transiently: where it is, what failed, since when, how often. */
    public record Retry(long globalIndex, String aggregateId, String errorClass, Instant since, int attempts) {
    }
}
