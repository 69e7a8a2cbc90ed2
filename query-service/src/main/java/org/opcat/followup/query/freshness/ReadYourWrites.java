package org.opcat.followup.query.freshness;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.opcat.followup.query.http.BadQuery;
import org.opcat.followup.query.http.CodedRefusal;
import org.opcat.followup.api.ProblemCode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Lets a client that has just written wait for its write to reach the read models: "answer when
 * recommendation X is at version N or later", bounded by {@code followup.freshness.max-wait}.
 *
 * <p>The summary projector signals after each commit, so a waiter in this JVM wakes as soon as the
 * row it waits for is visible, with no sleeping loop. The event may also be handled by another
 * query-service instance (segments are shared through token claims), which cannot signal us: so a
 * waiter also re-reads the table every {@code followup.freshness.recheck} at the latest. PostgreSQL
 * LISTEN/NOTIFY from the projector would remove that fallback; not needed yet.
 *
 * <p>All read models are in one processing group and commit with the summary row in one
 * transaction, so a summary at version N means history, dialogue and detail are at N too.
 */
@Component
public class ReadYourWrites {

    private static final String SIGNAL_REGISTERED = ReadYourWrites.class.getName() + ".signal";

    private final JdbcTemplate jdbc;
    private final Duration maxWait;
    private final Duration recheck;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition committed = lock.newCondition();
    private long commits;

    public ReadYourWrites(JdbcTemplate jdbc,
            @Value("${followup.freshness.max-wait:5s}") Duration maxWait,
            @Value("${followup.freshness.recheck:100ms}") Duration recheck) {
        this.jdbc = jdbc;
        this.maxWait = maxWait;
        this.recheck = recheck;
    }

    /**
     * Called by a projector inside its unit of work: wakes waiters once the transaction commits.
     * A batch is one unit of work, so however many of its events call this, waiters wake once.
     */
    public void signalAfterCommit() {
        CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.getOrComputeResource(SIGNAL_REGISTERED, key -> {
            unitOfWork.afterCommit(u -> signal());
            return Boolean.TRUE;
        }));
    }

    void signal() {
        lock.lock();
        try {
            commits++;
            committed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until the summary of {@code recommendationId} is at {@code minVersion} or later, at most
     * the configured time. Answers the version reached (empty if the recommendation is still unknown).
     *
     * @throws ReadModelBehind if the version was not reached in time
     */
    public Optional<Long> await(UUID recommendationId, long minVersion) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            // A repeatable-read snapshot would never show the commit we wait for: fail loudly instead.
            throw new IllegalStateException("wait for a version before opening the query's transaction");
        }
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (true) {
            // Read the commit count before the table: a commit between the two makes us re-read
            // at once instead of sleeping through a signal we missed.
            long seen = commits();
            Optional<Long> version = currentVersion(recommendationId);
            if (version.isPresent() && version.get() >= minVersion) {
                return version;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new ReadModelBehind(recommendationId, minVersion, version.orElse(null), maxWait);
            }
            lock.lock();
            try {
                if (commits == seen) {
                    committed.awaitNanos(Math.min(left, recheck.toNanos()));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ReadModelBehind(recommendationId, minVersion, version.orElse(null), maxWait);
            } finally {
                lock.unlock();
            }
        }
    }

    private long commits() {
        lock.lock();
        try {
            return commits;
        } finally {
            lock.unlock();
        }
    }

    /**
     * {@link #await} when the caller passed a minVersion, nothing otherwise. A minVersion without
     * the recommendation it belongs to, or below 0, is a bad query rather than silently ignored.
     */
    public void awaitIfAsked(UUID recommendationId, Long minVersion) {
        if (minVersion == null) {
            return;
        }
        if (minVersion < 0) {
            throw new BadQuery("minVersion", ProblemCode.NOT_NEGATIVE);
        }
        if (recommendationId == null) {
            throw new BadQuery("recommendationId", ProblemCode.REQUIRED_WITH_MIN_VERSION);
        }
        await(recommendationId, minVersion);
    }

    public Duration maxWait() {
        return maxWait;
    }

    private Optional<Long> currentVersion(UUID recommendationId) {
        return jdbc.query("SELECT version FROM recommendation_summary WHERE recommendation_id = ?",
                (rs, n) -> rs.getLong(1), recommendationId).stream().findFirst();
    }

    /** The read model did not reach the asked version in time: answered as 504 with a problem. */
    public static class ReadModelBehind extends CodedRefusal {

        public ReadModelBehind(UUID id, long minVersion, Long reached, Duration waited) {
            super(ProblemCode.READ_MODEL_BEHIND, org.opcat.followup.api.ProblemMessages.args("id", id,
                    "reached", reached == null ? "none" : reached, "waited", waited.toMillis(), "minVersion", minVersion));
        }
    }

}
