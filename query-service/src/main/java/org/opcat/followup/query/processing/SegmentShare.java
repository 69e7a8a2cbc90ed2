package org.opcat.followup.query.processing;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.pooled.MaxSegmentProvider;
import org.opcat.followup.query.ReadModels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How many read-model segments this instance may hold: its fair share, {@code ceil(segments /
 * live instances)}, capped by {@link ProcessingSettings#maxClaimedSegments()}. Axon's pooled
 * coordinator asks on every cycle and releases what is above it, so a second instance that starts
 * gets half of the segments within a few seconds, and when one stops (its row is deleted) or dies
 * (its row goes stale after the claim timeout) the others take its segments over.
 *
 * <p>Liveness is a heartbeat in query.processor_node, written every token-claim interval with the
 * database's clock, so instance clocks do not matter. Axon's token table alone cannot tell: an
 * instance that holds no segment leaves no trace there.
 *
 * <p>A replay needs every segment: {@link #requestExclusive} makes every other instance's share 0
 * (they release everything) until {@link #releaseExclusive}, after which the shares even out again
 * and the instances rebuild the read models together.
 */
@Component
public class SegmentShare implements MaxSegmentProvider, InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SegmentShare.class);
    private static final String NODES = "query.processor_node";

    private final JdbcTemplate jdbc;
    private final ProcessingSettings settings;
    private final String tokenTable;
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "read-models-heartbeat");
        thread.setDaemon(true);
        return thread;
    });
    private volatile int share;

    public SegmentShare(JdbcTemplate jdbc, ProcessingSettings settings,
            org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema tokenSchema) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.tokenTable = tokenSchema.tokenTable();
        this.share = settings.maxClaimedSegments();
    }

    @Override
    public void afterPropertiesSet() {
        beat();
        long interval = settings.tokenClaimInterval().toMillis();
        heartbeat.scheduleWithFixedDelay(this::beatQuietly, interval, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public int getMaxSegments(String processorName) {
        return share;
    }

    /** This instance's current share (for health). */
    public int share() {
        return share;
    }

    /** How many instances are alive, this one included. */
    public int liveInstances() {
        Integer live = jdbc.queryForObject("SELECT count(*) FROM " + NODES + " WHERE seen_at > now() - ? * interval '1 millisecond'",
                Integer.class, settings.claimTimeout().toMillis());
        return live == null ? 1 : Math.max(1, live);
    }

    /** Asks every other instance to release all segments until {@code until} from now or {@link #releaseExclusive}. */
    public void requestExclusive(Duration until) {
        jdbc.update("UPDATE " + NODES + " SET exclusive_until = now() + ? * interval '1 millisecond' WHERE node = ?",
                until.toMillis(), settings.nodeName());
        beat();
    }

    public void releaseExclusive() {
        jdbc.update("UPDATE " + NODES + " SET exclusive_until = NULL WHERE node = ?", settings.nodeName());
        beat();
    }

    /** True when every segment is unclaimed, claimed by this instance, or its claim has expired. */
    public boolean othersReleasedAll() {
        Integer held = jdbc.queryForObject("SELECT count(*) FROM " + tokenTable + " WHERE processorname = ?"
                        + " AND owner IS NOT NULL AND owner <> ?"
                        + " AND CAST(timestamp AS timestamptz) > now() - ? * interval '1 millisecond'",
                Integer.class, ReadModels.PROCESSING_GROUP, settings.nodeName(), settings.claimTimeout().toMillis());
        return held != null && held == 0;
    }

    private void beatQuietly() {
        try {
            beat();
        } catch (RuntimeException e) {
            // The database is away: keep the last share; the processor reports the outage itself.
            log.debug("Heartbeat of {} failed", settings.nodeName(), e);
        }
    }

    private synchronized void beat() {
        jdbc.update("INSERT INTO " + NODES + " (node, seen_at) VALUES (?, now())"
                + " ON CONFLICT (node) DO UPDATE SET seen_at = now()", settings.nodeName());
        // Instances that died leave their row; default node names change with every start.
        jdbc.update("DELETE FROM " + NODES + " WHERE seen_at < now() - interval '1 day'");
        Integer segments = jdbc.queryForObject("SELECT count(*) FROM " + tokenTable + " WHERE processorname = ?",
                Integer.class, ReadModels.PROCESSING_GROUP);
        int total = segments == null || segments == 0 ? settings.segments() : segments;
        // Yield to another instance's exclusive request unless this one asked first (requests last
        // equally long, so the earlier one ends first; ties go to the smaller node name): two
        // replays asked for at once then do not both wait with every segment released.
        Boolean otherExclusive = jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM " + NODES + " o"
                + " WHERE o.node <> ? AND o.exclusive_until > now() AND o.seen_at > now() - ? * interval '1 millisecond'"
                + " AND NOT EXISTS (SELECT 1 FROM " + NODES + " m WHERE m.node = ? AND m.exclusive_until > now()"
                + " AND (m.exclusive_until < o.exclusive_until"
                + " OR (m.exclusive_until = o.exclusive_until AND m.node < o.node))))",
                Boolean.class, settings.nodeName(), settings.claimTimeout().toMillis(), settings.nodeName());
        int fair = Boolean.TRUE.equals(otherExclusive) ? 0 : (total + liveInstances() - 1) / liveInstances();
        int newShare = Math.min(settings.maxClaimedSegments(), fair);
        if (newShare != share) {
            log.info("Read models: this instance ({}) now takes up to {} of {} segments", settings.nodeName(),
                    newShare, total);
        }
        share = newShare;
    }

    @Override
    public void destroy() {
        heartbeat.shutdownNow();
        try {
            // Leaving on purpose: the others need not wait for the claim timeout to take over.
            jdbc.update("DELETE FROM " + NODES + " WHERE node = ?", settings.nodeName());
        } catch (RuntimeException e) {
            log.debug("Could not remove {} from {}", settings.nodeName(), NODES, e);
        }
    }
}
