package org.opcat.followup.query.processing;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The read-model rows of one batch of events, written with one JDBC batch per statement when the
 * batch commits instead of one round trip per row while the events are handled.
 *
 * <p>A batch of the read-model processor is one Axon unit of work and one transaction (rows and
 * token commit together). Projectors {@link #add} their statements to this buffer; at the unit of
 * work's prepare-commit it sends every statement's rows with {@link JdbcTemplate#batchUpdate} (the
 * driver pipelines a batch: one round trip for all its rows), in the transaction that then commits
 * the token. A failure in the middle of a batch rolls the whole batch back, buffered rows included:
 * nothing of it is stored.
 *
 * <p>Order: statements are flushed in the order they were declared ({@link #statement}, per class
 * in source order), each statement's rows in the order they were added. So a projector declares an
 * insert before the updates of the same row (an event that creates a row always precedes the events
 * that change it). Statements of different projectors touch different tables. A projector that
 * must read what it wrote earlier in the batch keeps that state for the batch itself
 * ({@link #batchState}), it does not read the table.
 *
 * <p>Poison events: a projector exception is still thrown while its event is handled, so
 * {@link PoisonEventGuard} records that event. A row the database refuses only at the flush cannot
 * be pinned on one event; the batch rolls back, its events are remembered, and when Axon retries
 * them (the same first event) the batch runs <em>event by event</em>: rows are flushed after each
 * event, inside the guard, so the failing event is recorded and parked as before.
 *
 * <p>Replay batches (events delivered with a {@link ReplayToken}) commit with
 * {@code synchronous_commit = off} for that transaction only: a crash of PostgreSQL may then lose
 * the last replay transactions, rows and token together, and the processor simply handles those
 * events again from the older token. Nothing that was ever acknowledged to a client is lost: the
 * events themselves stay in the event store. Live batches keep the server's default.
 *
 * <p>Outside a unit of work (no batch) a statement is executed at once.
 */
@Component
public class ReadModelWrites {

    private static final Logger log = LoggerFactory.getLogger(ReadModelWrites.class);
    private static final String BATCH = ReadModelWrites.class.getName() + ".batch";
    private static final AtomicInteger DECLARED = new AtomicInteger();

    private final JdbcTemplate jdbc;
    private final RetriedEvents retriedEvents;
    /** Identifiers of the events of batches whose flush failed: their retry runs event by event. */
    private final Set<String> suspects = ConcurrentHashMap.newKeySet();

    public ReadModelWrites(JdbcTemplate jdbc, RetriedEvents retriedEvents) {
        this.jdbc = jdbc;
        this.retriedEvents = retriedEvents;
    }

    /** A statement whose rows are buffered; declare as a constant, inserts before updates of the same table. */
    public static Statement statement(String sql) {
        return new Statement(sql, DECLARED.getAndIncrement());
    }

    /** Adds one row (the statement's parameters, in order) to the current batch. */
    public void add(Statement statement, Object... parameters) {
        Batch batch = batch();
        if (batch == null) {
            execute(statement, List.<Object[]>of(parameters));
        } else {
            batch.rows(statement).add(parameters);
        }
    }

    /**
     * Puts the row with this key (say the row's id), replacing a row of the same statement and key
     * added earlier in the batch: a projector that folds several events of one row into its state
     * writes the row once, as it is after the last of them.
     */
    public void put(Statement statement, Object key, Object... parameters) {
        Batch batch = batch();
        if (batch == null) {
            execute(statement, List.<Object[]>of(parameters));
        } else {
            batch.keyed(statement).put(key, parameters);
        }
    }

    /**
     * State a projector keeps for the current batch (the rows it read and changed), created on first
     * use; forgotten whenever the buffer is flushed. Outside a batch a fresh one each time.
     */
    @SuppressWarnings("unchecked")
    public <T> T batchState(String key, Supplier<T> create) {
        Batch batch = batch();
        if (batch == null) {
            return create.get();
        }
        return (T) batch.states.computeIfAbsent(key, k -> create.get());
    }

    /** The events of the current batch (one event outside a batch, or in a batch run event by event). */
    public List<? extends EventMessage<?>> batchEvents() {
        if (!CurrentUnitOfWork.isStarted()) {
            return List.of();
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        Batch batch = batch();
        if (unitOfWork instanceof BatchingUnitOfWork<?> batching && batch != null && !batch.eventByEvent) {
            return events(batching.getMessages());
        }
        return unitOfWork.getMessage() instanceof EventMessage<?> event ? List.of(event) : List.of();
    }

    /**
     * Called by {@link PoisonEventGuard} after each event: in a batch run event by event, writes that
     * event's rows now, so that a refused row fails on its own event.
     */
    void afterEvent() {
        if (!CurrentUnitOfWork.isStarted()) {
            return;
        }
        Batch batch = CurrentUnitOfWork.get().getResource(BATCH);
        if (batch != null && batch.eventByEvent) {
            flush(batch);
        }
    }

    private Batch batch() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        return unitOfWork.getOrComputeResource(BATCH, key -> open(unitOfWork));
    }

    private Batch open(UnitOfWork<?> unitOfWork) {
        List<? extends EventMessage<?>> events = unitOfWork instanceof BatchingUnitOfWork<?> batching
                ? events(batching.getMessages())
                : unitOfWork.getMessage() instanceof EventMessage<?> event ? List.of(event) : List.of();
        boolean eventByEvent = !suspects.isEmpty() && events.stream().anyMatch(e -> suspects.contains(e.getIdentifier()));
        boolean replay = !events.isEmpty() && events.stream().allMatch(ReplayToken::isReplay);
        Batch batch = new Batch(eventByEvent, replay);
        if (eventByEvent) {
            log.warn("Read models: a batch of {} events from global position {} failed when its rows were written;"
                    + " retrying it event by event", events.size(), FailedEvent.of(events.get(0), null).globalIndex());
        }
        unitOfWork.onPrepareCommit(u -> {
            try {
                flush(batch);
            } catch (RuntimeException e) {
                if (TransientFailures.isTransient(e)) {
                    // Axon retries the batch; health shows it as retried, like a handler's transient failure.
                    events.stream().findFirst().ifPresent(first -> retriedEvents.failed(first, e));
                } else if (!batch.eventByEvent) {
                    events.forEach(event -> suspects.add(event.getIdentifier()));
                }
                throw e;
            }
        });
        if (eventByEvent) {
            unitOfWork.afterCommit(u -> events.forEach(event -> suspects.remove(event.getIdentifier())));
        }
        return batch;
    }

    private void flush(Batch batch) {
        if (batch.replay && !batch.asynchronousCommit && !batch.isEmpty()) {
            jdbc.execute("SET LOCAL synchronous_commit = off");
            batch.asynchronousCommit = true;
        }
        for (Map.Entry<Statement, Pending> entry : batch.pending.entrySet()) {
            Collection<Object[]> rows = entry.getValue().rows();
            if (!rows.isEmpty()) {
                execute(entry.getKey(), rows);
            }
        }
        batch.pending.clear();
        batch.states.clear();
    }

    private void execute(Statement statement, Collection<Object[]> rows) {
        List<Object[]> list = rows instanceof List<Object[]> l ? l : new ArrayList<>(rows);
        if (list.size() == 1) {
            jdbc.update(statement.sql(), ps -> bind(ps, list.get(0)));
            return;
        }
        jdbc.batchUpdate(statement.sql(), new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                bind(ps, list.get(i));
            }

            @Override
            public int getBatchSize() {
                return list.size();
            }
        });
    }

    /**
     * Binds with the driver's own type mapping. A null is bound as an untyped null, which PostgreSQL
     * types from the statement; Spring's generic binding would ask the driver for the parameter's
     * type first, which costs PostgreSQL's driver one round trip per null value.
     */
    private static void bind(PreparedStatement ps, Object[] parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i];
            if (value == null) {
                ps.setNull(i + 1, Types.NULL);
            } else if (value instanceof Enum<?> e) {
                ps.setString(i + 1, e.name());
            } else {
                ps.setObject(i + 1, value);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<? extends EventMessage<?>> events(List<? extends Message<?>> messages) {
        for (Message<?> message : messages) {
            if (!(message instanceof EventMessage<?>)) {
                return List.of();
            }
        }
        return (List<? extends EventMessage<?>>) messages;
    }

    /** A buffered statement; its declaration order is its flush order. */
    public record Statement(String sql, int order) {
    }

    private static final class Batch {

        final boolean eventByEvent;
        final boolean replay;
        boolean asynchronousCommit;
        final TreeMap<Statement, Pending> pending = new TreeMap<>((a, b) -> Integer.compare(a.order(), b.order()));
        final Map<String, Object> states = new HashMap<>();

        Batch(boolean eventByEvent, boolean replay) {
            this.eventByEvent = eventByEvent;
            this.replay = replay;
        }

        List<Object[]> rows(Statement statement) {
            return pending.computeIfAbsent(statement, s -> new Pending()).list;
        }

        Map<Object, Object[]> keyed(Statement statement) {
            return pending.computeIfAbsent(statement, s -> new Pending()).keyed;
        }

        boolean isEmpty() {
            return pending.values().stream().allMatch(p -> p.list.isEmpty() && p.keyed.isEmpty());
        }
    }

    /** One statement's rows: added ones in order, then keyed ones in the order their keys first came. */
    private static final class Pending {

        final List<Object[]> list = new ArrayList<>();
        final Map<Object, Object[]> keyed = new LinkedHashMap<>();

        Collection<Object[]> rows() {
            if (keyed.isEmpty()) {
                return list;
            }
            List<Object[]> all = new ArrayList<>(list);
            all.addAll(keyed.values());
            return all;
        }
    }
}
