package org.opcat.followup.query.processing;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.opcat.followup.query.http.UnknownResource;
import org.opcat.followup.api.ProblemCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * /api/admin/failed-events: the events the read models could not take (FAILED) and those parked
 * behind them (PARKED), with the error, for whoever has to fix them; and, per aggregate, the two
 * ways out short of a replay. Under /api/admin because error messages may quote event content;
 * health shows counts only.
 *
 * <ul>
 * <li>retry (after a fix): the aggregate's failed and parked events are read again from the event
 *     store and applied in order by the read-model processor's handlers, in one transaction with
 *     the removal of their rows. If one fails again, nothing is kept and the rows stay.</li>
 * <li>evict: the rows are removed without applying the events (they stay in the event store): the
 *     aggregate's later events are applied again, its read models lack the evicted ones until a
 *     replay.</li>
 * </ul>
 */
@RestController
public class FailedEventsController {

    private static final Logger log = LoggerFactory.getLogger(FailedEventsController.class);
    private static final int MAX_LIMIT = 1000;

    private final FailedEvents failedEvents;
    private final ReadModelProcessor readModels;
    private final EventStorageEngine eventStore;
    private final TransactionTemplate transaction;

    public FailedEventsController(FailedEvents failedEvents, ReadModelProcessor readModels,
            EventStorageEngine eventStore, PlatformTransactionManager transactions) {
        this.failedEvents = failedEvents;
        this.readModels = readModels;
        this.eventStore = eventStore;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Operation(operationId = "listFailedEvents", summary = "Events the read models could not take",
            description = "ADMIN. Each failed event with its error, and the events of its aggregate parked behind "
            + "it; a replay retries them.")
    @GetMapping("/api/admin/failed-events")
    public List<FailedEvents.Row> list(@RequestParam(defaultValue = "100") int limit) {
        return failedEvents.list(Math.max(1, Math.min(limit, MAX_LIMIT)));
    }

    @Operation(operationId = "retryFailedEvents", summary = "Retry one aggregate's failed events",
            description = "ADMIN. Runs the aggregate's failed and parked events through the read models' handlers "
            + "again, in one transaction; if one fails again nothing is kept and they stay parked. 404 when the "
            + "aggregate has none.")
    @PostMapping("/api/admin/failed-events/{aggregateId}/retry")
    public Retry retry(@PathVariable String aggregateId) {
        EventHandlerInvoker handlers = readModels.processor().eventHandlerInvoker();
        try {
            return transaction.execute(status -> {
                List<FailedEvents.Row> rows = failedEvents.lockAggregate(aggregateId);
                if (rows.isEmpty()) {
                    throw new UnknownResource(ProblemCode.UNKNOWN_RECORD, aggregateId);
                }
                for (FailedEvents.Row row : rows) {
                    TrackedEventMessage<?> event = storedAt(row.globalIndex());
                    ResultMessage<?> result = DefaultUnitOfWork.startAndGet(event).executeWithResult(() -> {
                        handlers.handle(event, Segment.ROOT_SEGMENT);
                        return null;
                    }, RollbackConfigurationType.ANY_THROWABLE);
                    if (result.isExceptional()) {
                        throw new FailedAgain(row, result.exceptionResult());
                    }
                }
                failedEvents.evict(aggregateId);
                log.info("Read models: retried {} events of aggregate {}: applied", rows.size(), aggregateId);
                return new Retry(aggregateId, rows.size(), true, null, null);
            });
        } catch (FailedAgain again) {
            FailedEvent failed = FailedEvent.of(storedAt(again.row.globalIndex()), again.getCause());
            log.warn("Read models: retry of aggregate {} failed again at global position {}; its events stay parked",
                    aggregateId, again.row.globalIndex(), again.getCause());
            return new Retry(aggregateId, 0, false, failed.errorClass(), failed.errorMessage());
        }
    }

    @Operation(operationId = "evictFailedEvents", summary = "Evict one aggregate's failed events",
            description = "ADMIN. Forgets the aggregate's failed and parked events without applying them (a replay "
            + "would apply them again). 404 when the aggregate has none.")
    @DeleteMapping("/api/admin/failed-events/{aggregateId}")
    public ResponseEntity<Void> evict(@PathVariable String aggregateId) {
        int removed = failedEvents.evict(aggregateId);
        if (removed == 0) {
            throw new UnknownResource(ProblemCode.UNKNOWN_RECORD, aggregateId);
        }
        log.warn("Read models: evicted {} failed and parked events of aggregate {} without applying them",
                removed, aggregateId);
        return ResponseEntity.noContent().build();
    }

    private TrackedEventMessage<?> storedAt(long globalIndex) {
        try (Stream<? extends TrackedEventMessage<?>> events = eventStore.readEvents(
                GapAwareTrackingToken.newInstance(globalIndex - 1, Set.of()), false)) {
            return events.findFirst().filter(event -> event.trackingToken().position().orElse(-1) == globalIndex)
                    .orElseThrow(() -> new IllegalStateException("no stored event at global position " + globalIndex));
        }
    }

    /**
     * What a retry did: {@code applied} true with the number of events applied, or false with the
     * error of the event that failed again (its rows stay).
     */
    public record Retry(String aggregateId, int appliedEvents, boolean applied, String errorClass, String errorMessage) {
    }

    private static final class FailedAgain extends RuntimeException {
        private final FailedEvents.Row row;

        FailedAgain(FailedEvents.Row row, Throwable cause) {
            super(cause);
            this.row = row;
        }
    }
}
