package org.opcat.followup.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.boot.test.context.TestComponent;

/**
 * Appends events to the event store the way command-service does: domain events with aggregate
 * type, identifier, sequence number, {@code recordedBy} and {@code correlationId} metadata, and a
 * chosen timestamp (the recordedAt of the history).
 */
@TestComponent
public class EventLog {

    private final EventStore eventStore;
    private final EventStorageEngine storageEngine;

    public EventLog(EventStore eventStore, EventStorageEngine storageEngine) {
        this.eventStore = eventStore;
        this.storageEngine = storageEngine;
    }

    /** Through this JVM's event store: the processor is woken at once. */
    public void append(String aggregateType, UUID aggregateId, long sequenceNumber, Object payload, String recordedBy,
            Instant recordedAt) {
        eventStore.publish(message(aggregateType, aggregateId, sequenceNumber, payload, recordedBy, recordedAt));
    }

    /**
     * Straight into the table, past this JVM's event store, as command-service in another JVM
     * writes: the processor only sees it when it next polls.
     */
    public void appendAsAnotherProcess(String aggregateType, UUID aggregateId, long sequenceNumber, Object payload,
            String recordedBy, Instant recordedAt) {
        storageEngine.appendEvents(message(aggregateType, aggregateId, sequenceNumber, payload, recordedBy,
                recordedAt));
    }

    private static DomainEventMessage<?> message(String aggregateType, UUID aggregateId, long sequenceNumber,
            Object payload, String recordedBy, Instant recordedAt) {
        MetaData metaData = MetaData.from(Map.of("recordedBy", recordedBy,
                "correlationId", UUID.randomUUID().toString()));
        return new GenericDomainEventMessage<>(aggregateType, aggregateId.toString(), sequenceNumber, payload,
                metaData, UUID.randomUUID().toString(), recordedAt);
    }

    /** Events of one recommendation, numbered from 0 in the order given. */
    public Stream recommendation(UUID id) {
        return new Stream("Recommendation", id);
    }

    /** A growing aggregate stream: each {@link #then} takes the next sequence number. */
    public class Stream {
        private final String type;
        private final UUID id;
        private final List<Object> appended = new ArrayList<>();

        Stream(String type, UUID id) {
            this.type = type;
            this.id = id;
        }

        public Stream then(Object payload, String recordedBy, Instant recordedAt) {
            append(type, id, appended.size(), payload, recordedBy, recordedAt);
            appended.add(payload);
            return this;
        }

        /** Sequence number of the last event: the recommendation's version. */
        public long version() {
            return appended.size() - 1;
        }
    }
}
