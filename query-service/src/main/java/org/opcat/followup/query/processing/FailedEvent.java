package org.opcat.followup.query.processing;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;

/**
 * What is kept of an event the read models could not take: where it is in the store and what went
 * wrong, never its payload (it may be the very thing that is broken, and it may be confidential).
 */
public record FailedEvent(long globalIndex, String eventId, String aggregateId, Long sequenceNumber,
        String payloadType, String errorClass, String errorMessage) {

    private static final int MAX_MESSAGE = 2000;

    /** The key that parks an aggregate: its id, or the event's own id for an event of no aggregate. */
    public String parkingKey() {
        return parkingKey(aggregateId, eventId);
    }

    static String parkingKey(String aggregateId, String eventId) {
        return aggregateId != null ? aggregateId : "event:" + eventId;
    }

    static FailedEvent of(EventMessage<?> event, Throwable error) {
        long globalIndex = event instanceof TrackedEventMessage<?> tracked
                ? tracked.trackingToken().position().orElse(-1) : -1;
        String aggregateId = null;
        Long sequence = null;
        if (event instanceof DomainEventMessage<?> domain) {
            aggregateId = domain.getAggregateIdentifier();
            sequence = domain.getSequenceNumber();
        }
        String errorClass = error == null ? null : rootCause(error).getClass().getName();
        String message = error == null ? null : String.valueOf(rootCause(error).getMessage());
        UnreadableEvent stand = error == null ? null : unreadable(event);
        if (stand != null) {
            // The stand-in's own exception says nothing new: keep the error of the original row.
            errorClass = stand.errorClass();
            message = stand.error();
        }
        if (message != null && message.length() > MAX_MESSAGE) {
            message = message.substring(0, MAX_MESSAGE);
        }
        return new FailedEvent(globalIndex, event.getIdentifier(), aggregateId, sequence, payloadTypeOf(event),
                errorClass, message);
    }

    private static UnreadableEvent unreadable(EventMessage<?> event) {
        try {
            return UnreadableEvent.class.equals(event.getPayloadType()) ? (UnreadableEvent) event.getPayload() : null;
        } catch (RuntimeException unreadableStandIn) {
            return null;
        }
    }

    private static String payloadTypeOf(EventMessage<?> event) {
        try {
            UnreadableEvent stand = unreadable(event);
            if (stand != null) {
                // What the stored row claims to be, not the stand-in it was replaced with.
                return stand.payloadType();
            }
            return event.getPayloadType().getName();
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static Throwable rootCause(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
