package org.opcat.followup.query.processing;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The table query.failed_event: events not applied to the read models, and why. */
@Component
public class FailedEvents {

    static final String TABLE = "query.failed_event";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final String node;

    public FailedEvents(JdbcTemplate jdbc, PlatformTransactionManager transactions, ProcessingSettings settings) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.node = settings.nodeName();
    }

    /**
     * Records a failure in a transaction of its own: the batch it happened in is about to roll back,
     * and the record is what makes the retry skip the event instead of failing again forever.
     */
    public void recordFailure(FailedEvent event) {
        ownTransaction.executeWithoutResult(status -> insert(event, "FAILED"));
    }

    /** Records, in the caller's transaction, an event skipped because its aggregate is parked. */
    public void recordParked(FailedEvent event) {
        insert(event, "PARKED");
    }

    /** The parking keys (aggregate ids) of every failed event. */
    public Set<String> parkedKeys() {
        return new HashSet<>(jdbc.queryForList(
                "SELECT DISTINCT coalesce(aggregate_id, 'event:' || event_id) FROM " + TABLE
                        + " WHERE outcome = 'FAILED'", String.class));
    }

    public Summary summary() {
        return jdbc.queryForObject("SELECT count(*) FILTER (WHERE outcome = 'FAILED'),"
                + " count(*) FILTER (WHERE outcome = 'PARKED'),"
                + " count(DISTINCT coalesce(aggregate_id, 'event:' || event_id)) FROM " + TABLE,
                (rs, n) -> new Summary(rs.getLong(1), rs.getLong(2), rs.getLong(3), latest()));
    }

    /** Every row, oldest position first, at most {@code limit}. */
    public List<Row> list(int limit) {
        return jdbc.query("SELECT global_index, event_id, aggregate_id, sequence_number, payload_type, outcome,"
                        + " error_class, error_message, node, recorded_at FROM " + TABLE
                        + " ORDER BY global_index LIMIT ?",
                (rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), (Long) rs.getObject(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getTimestamp(10).toInstant()), limit);
    }

    /**
     * The rows of one aggregate, oldest position first, locked until the caller's transaction ends:
     * the processor parks that aggregate's new events meanwhile instead of applying them.
     */
    public List<Row> lockAggregate(String aggregateId) {
        return jdbc.query("SELECT global_index, event_id, aggregate_id, sequence_number, payload_type, outcome,"
                        + " error_class, error_message, node, recorded_at FROM " + TABLE
                        + " WHERE aggregate_id = ? ORDER BY global_index FOR UPDATE",
                (rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), (Long) rs.getObject(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getTimestamp(10).toInstant()), aggregateId);
    }

    /** Forgets the aggregate's failed and parked events: its new events are applied again. */
    public int evict(String aggregateId) {
        return jdbc.update("DELETE FROM " + TABLE + " WHERE aggregate_id = ?", aggregateId);
    }

    /** A row of query.failed_event as GET /api/admin/failed-events shows it. */
    public record Row(long globalIndex, String eventId, String aggregateId, Long sequenceNumber, String payloadType,
            String outcome, String errorClass, String errorMessage, String node, java.time.Instant recordedAt) {
    }

    private FailedEvent latest() {
        return jdbc.query("SELECT global_index, event_id, aggregate_id, sequence_number, payload_type, error_class"
                        + " FROM " + TABLE + " WHERE outcome = 'FAILED' ORDER BY global_index DESC LIMIT 1",
                (rs, n) -> new FailedEvent(rs.getLong(1), rs.getString(2), rs.getString(3),
                        (Long) rs.getObject(4), rs.getString(5), rs.getString(6), null))
                .stream().findFirst().orElse(null);
    }

    private void insert(FailedEvent event, String outcome) {
        jdbc.update("INSERT INTO " + TABLE + " (global_index, event_id, aggregate_id, sequence_number,"
                        + " payload_type, outcome, error_class, error_message, node)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (global_index) DO NOTHING",
                event.globalIndex(), event.eventId(), event.aggregateId(), event.sequenceNumber(),
                event.payloadType(), outcome, event.errorClass(), event.errorMessage(), node);
    }

    /** For health: how many events failed, how many were parked behind them, on how many aggregates. */
    public record Summary(long failed, long parked, long aggregates, FailedEvent latestFailure) {
    }
}
