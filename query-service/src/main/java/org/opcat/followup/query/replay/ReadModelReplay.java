package org.opcat.followup.query.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.opcat.followup.query.processing.ProcessingSettings;
import org.opcat.followup.query.processing.ReadModelProcessor;
import org.opcat.followup.query.processing.SegmentShare;
import org.opcat.followup.query.processing.ReadModelProcessor.SegmentPosition;
import org.opcat.followup.query.replay.ReplayStatus.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds every read model from the event store: stop the processor, in one transaction empty
 * every read table ({@link ReadTables}) and reset its tokens to the start of the store, start it
 * again, and watch the tokens until every segment has passed the newest event that existed when the
 * replay began. Events recorded meanwhile are processed too, as usual.
 *
 * <p>The generic truncation instead of a reset handler per projector is deliberate: a projector
 * added later, or one that forgot its reset handler, is still rebuilt from nothing rather than
 * replayed on top of its old rows. While the replay runs the query API answers from partly rebuilt
 * tables.
 *
 * <p>One replay at a time per instance. The token reset needs every segment: other instances are
 * asked to release theirs ({@link SegmentShare#requestExclusive}) and the replay waits until they
 * have (or their claims expired); once the tokens are reset they take their share again and the
 * rebuild is shared. If they do not let go in time the replay fails and the read models stay as
 * they were.
 */
@Component
public class ReadModelReplay implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ReadModelReplay.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private static final Duration EXCLUSIVE_MARGIN = Duration.ofSeconds(30);

    private final ReadModelProcessor readModels;
    private final SegmentShare segmentShare;
    private final ProcessingSettings settings;
    private final ReadTables readTables;
    private final TransactionTemplate transaction;
    private final Duration logInterval;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "read-model-replay");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Run run;

    public ReadModelReplay(ReadModelProcessor readModels, SegmentShare segmentShare, ProcessingSettings settings,
            ReadTables readTables, PlatformTransactionManager transactions,
            @Value("${followup.replay.log-interval:5s}") Duration logInterval) {
        this.readModels = readModels;
        this.segmentShare = segmentShare;
        this.settings = settings;
        this.readTables = readTables;
        this.transaction = new TransactionTemplate(transactions);
        this.logInterval = logInterval;
    }

    /**
     * Starts a replay of the running processor in the background and answers at once.
     *
     * @throws ReplayAlreadyRunning if one is in progress
     */
    public synchronized ReplayStatus start(String requestedBy) {
        if (run != null && run.state.get().inProgress()) {
            throw new ReplayAlreadyRunning(status());
        }
        Run started = new Run(requestedBy);
        run = started;
        runner.submit(() -> replayRunning(started));
        return started.state.get();
    }

    /**
     * The start-up flag's way in: empties the read tables and resets the tokens while the processor
     * has not started yet, so that it never applies an event on top of the old rows (which matters
     * when the token table was emptied to change the segment count). Axon starts the processor right
     * after; progress is watched in the background. A failed reset is logged and leaves the old
     * read models in service: start-up goes on.
     */
    public synchronized void resetBeforeStart(String requestedBy) {
        Run started = new Run(requestedBy);
        run = started;
        try {
            PooledStreamingEventProcessor processor = readModels.processor();
            awaitOtherInstancesReleased();
            Reset reset = reset(started, processor);
            runner.submit(() -> watch(started, reset, processor));
        } catch (RuntimeException e) {
            log.error("Replay of read models at start-up failed; serving the read models as they were", e);
            started.fail(e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
            releaseExclusiveQuietly();
        }
    }

    public ReplayStatus status() {
        Run current = run;
        return current == null ? ReplayStatus.idle() : current.state.get();
    }

    private void replayRunning(Run run) {
        PooledStreamingEventProcessor processor = null;
        try {
            processor = readModels.processor();
            awaitOtherInstancesReleased();
            processor.shutDown();
            Reset reset = reset(run, processor);
            processor.start();
            segmentShare.releaseExclusive();
            watch(run, reset, processor);
        } catch (RuntimeException e) {
            log.error("Replay of read models failed", e);
            run.fail(e.getClass().getSimpleName() + ": " + e.getMessage());
            restartQuietly(processor);
        } finally {
            releaseExclusiveQuietly();
        }
    }

    /**
     * The token reset needs every segment: ask the other instances to let go (their share drops to
     * 0, Axon releases their claims) and wait until they have, or until the claims of instances that
     * died have expired.
     */
    private void awaitOtherInstancesReleased() {
        Duration limit = settings.claimTimeout().plus(settings.tokenClaimInterval().multipliedBy(3));
        segmentShare.requestExclusive(limit.plus(EXCLUSIVE_MARGIN));
        long deadline = System.nanoTime() + limit.toNanos();
        while (!segmentShare.othersReleasedAll()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("other query-service instances still claim segments after "
                        + limit.toSeconds() + " s; the read models were left as they were");
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for other instances", e);
            }
        }
    }

    private void releaseExclusiveQuietly() {
        try {
            segmentShare.releaseExclusive();
        } catch (RuntimeException e) {
            log.warn("Could not withdraw the exclusive claim request (it expires by itself)", e);
        }
    }

    /** Empties the read tables and resets the tokens in one transaction: both or neither. */
    private Reset reset(Run run, PooledStreamingEventProcessor processor) {
        long total = readModels.headPosition();
        log.info("Replay of read models requested by {}: rebuilding from {} events", run.requestedBy, total);
        List<String> truncated = transaction.execute(status -> {
            List<String> tables = readTables.truncateAll();
            processor.resetTokens();
            return tables;
        });
        log.info("Replay of read models: emptied {} and reset the tokens; processing from the first event",
                truncated);
        run.progress(State.REPLAYING, total, 0, System.nanoTime(), truncated, List.of(), null);
        return new Reset(total, truncated);
    }

    private void watch(Run run, Reset reset, PooledStreamingEventProcessor processor) {
        long total = reset.total();
        long replayStart = System.nanoTime();
        long nextLog = replayStart + logInterval.toNanos();
        boolean seenRunning = false;
        try {
            while (true) {
                List<SegmentPosition> segments = readModels.segments();
                long done = Math.min(total, ReadModelProcessor.lowestPosition(segments));
                boolean finished = done >= total && !segments.isEmpty() || total == 0;
                ReplayStatus now = run.progress(finished ? State.COMPLETED : State.REPLAYING, total, done,
                        replayStart, reset.truncated(), segments, null);
                if (finished) {
                    log.info("Replay of read models finished: {} events in {} s ({} events/s)", total,
                            String.format("%.1f", (System.nanoTime() - replayStart) / 1e9),
                            Math.round(now.eventsPerSecond()));
                    return;
                }
                // At start-up the watch may begin a moment before Axon starts the processor.
                seenRunning |= processor.isRunning();
                if (seenRunning && !processor.isRunning()) {
                    run.fail("the processor was stopped during the replay");
                    return;
                }
                if (System.nanoTime() >= nextLog) {
                    nextLog += logInterval.toNanos();
                    log.info("Replay of read models: {} of {} events ({}%), {} events/s, ETA {} s", done, total,
                            String.format("%.1f", now.percent()), Math.round(now.eventsPerSecond()),
                            now.etaSeconds() == null ? "?" : now.etaSeconds());
                }
                Thread.sleep(POLL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            run.fail("interrupted (service stopping)");
        } catch (RuntimeException e) {
            log.error("Watching the replay of read models failed", e);
            run.fail(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private record Reset(long total, List<String> truncated) {
    }

    /** A failed reset leaves the processor stopped; the old read models are intact, so serve them. */
    private static void restartQuietly(PooledStreamingEventProcessor processor) {
        try {
            if (processor != null && !processor.isRunning()) {
                processor.start();
            }
        } catch (RuntimeException e) {
            log.error("Could not restart the read-model processor after a failed replay", e);
        }
    }

    @Override
    public void destroy() {
        runner.shutdownNow();
    }

    /** One replay's state, replaced as a whole so that readers never see half an update. */
    private static final class Run {

        private final String requestedBy;
        private final Instant startedAt = Instant.now();
        private final java.util.concurrent.atomic.AtomicReference<ReplayStatus> state;

        Run(String requestedBy) {
            this.requestedBy = requestedBy;
            this.state = new java.util.concurrent.atomic.AtomicReference<>(new ReplayStatus(State.RESETTING,
                    requestedBy, startedAt, null, 0, 0, 0, 0, null, List.of(), List.of(), null));
        }

        ReplayStatus progress(State newState, long total, long done, long replayStartNanos, List<String> truncated,
                List<SegmentPosition> segments, String error) {
            double seconds = (System.nanoTime() - replayStartNanos) / 1e9;
            double rate = seconds > 0 ? done / seconds : 0;
            Long eta = rate > 0 ? Math.round((total - done) / rate) : null;
            double percent = total == 0 ? 100 : 100.0 * done / total;
            ReplayStatus status = new ReplayStatus(newState, requestedBy, startedAt,
                    newState == State.COMPLETED ? Instant.now() : null, total, done, percent, rate, eta,
                    truncated, segments, error);
            state.set(status);
            return status;
        }

        void fail(String error) {
            ReplayStatus last = state.get();
            state.set(new ReplayStatus(State.FAILED, requestedBy, startedAt, Instant.now(), last.totalEvents(),
                    last.doneEvents(), last.percent(), last.eventsPerSecond(), null, last.truncatedTables(),
                    last.segments(), error));
        }
    }
}
