package org.opcat.followup.query.processing;

import java.util.Set;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The poison-event policy of the read-model processor (docs/query-side.md, "Poison events").
 *
 * <p>Wraps each event's delivery to all projectors. When that throws for a reason that is not
 * transient, the event is logged with its global position and aggregate, recorded as FAILED in
 * query.failed_event (in a transaction of its own) and the exception goes on, so the batch rolls
 * back: no projector keeps half of that event. Axon then retries the batch; this time the event's
 * aggregate is parked, so the event and every later one of that aggregate are recorded as PARKED
 * and skipped, while other aggregates go on. The aggregate's read models stay at the last state
 * that was built consistently, and health reports DEGRADED until, after a fix, a replay or a retry
 * of the aggregate ({@link FailedEventsController}) succeeds, or an administrator evicts its events.
 *
 * <p>Why this and not Axon's dead-letter queue: docs/adr/0008-failed-events-not-axon-dlq.md.
 *
 * <p>Rows are written per batch ({@link ReadModelWrites}); when the database refuses a batch's rows
 * only as they are written, the batch is retried event by event, each event's rows written inside
 * this guard, so the refused row fails on its own event and is recorded as above.
 *
 * <p>Transient failures (database gone, deadlock) are only passed on: Axon retries the segment with
 * a back-off until they pass, and health shows the segment in error meanwhile.
 *
 * <p>Deliberately not a Spring bean: Axon's Spring Boot support registers every
 * MessageHandlerInterceptor bean on every processor, which would wrap the guard around itself.
 */
public class PoisonEventGuard implements MessageHandlerInterceptor<EventMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(PoisonEventGuard.class);
    private static final String PARKED = PoisonEventGuard.class.getName() + ".parked";

    private final FailedEvents failedEvents;
    private final RetriedEvents retriedEvents;
    private final ReadModelWrites writes;

    public PoisonEventGuard(FailedEvents failedEvents, RetriedEvents retriedEvents, ReadModelWrites writes) {
        this.failedEvents = failedEvents;
        this.retriedEvents = retriedEvents;
        this.writes = writes;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        EventMessage<?> event = unitOfWork.getMessage();
        // Read once per batch (a batch shares one unit of work and one transaction): failures are
        // rare, so the parked set is nearly always empty and this costs one query per batch.
        Set<String> parked = unitOfWork.getOrComputeResource(PARKED, key -> failedEvents.parkedKeys());
        if (!parked.isEmpty() && parked.contains(parkingKey(event))) {
            FailedEvent skipped = FailedEvent.of(event, null);
            failedEvents.recordParked(skipped);
            log.warn("Read models: skipped event at global position {} of parked aggregate {} (#{} {})",
                    skipped.globalIndex(), skipped.aggregateId(), skipped.sequenceNumber(), skipped.payloadType());
            return null;
        }
        try {
            Object result = interceptorChain.proceed();
            writes.afterEvent();
            retriedEvents.succeeded(event);
            return result;
        } catch (Exception error) {
            if (TransientFailures.isTransient(error)) {
                retriedEvents.failed(event, error);
                throw error;
            }
            FailedEvent failed = FailedEvent.of(event, error);
            log.error("Read models: event at global position {} of aggregate {} (#{} {}) cannot be applied;"
                            + " recorded in {} and parking the aggregate: its later events are skipped until a replay",
                    failed.globalIndex(), failed.aggregateId(), failed.sequenceNumber(), failed.payloadType(),
                    FailedEvents.TABLE, error);
            failedEvents.recordFailure(failed);
            throw error;
        }
    }

    private static String parkingKey(EventMessage<?> event) {
        String aggregateId = event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null;
        return FailedEvent.parkingKey(aggregateId, event.getIdentifier());
    }
}
