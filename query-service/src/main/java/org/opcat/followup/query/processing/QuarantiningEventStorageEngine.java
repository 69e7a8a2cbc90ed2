package org.opcat.followup.query.processing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.SerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Axon's JDBC storage engine, except that a row Axon would choke on while reading the stream is
 * handed on as an {@link UnreadableEvent} at the same position, of the same aggregate.
 *
 * <p>Why: Axon deserializes lazily, so a broken payload normally fails inside the handler, where
 * {@link PoisonEventGuard} records it. But an event that an upcaster touches is converted while the
 * stream is read, and its metadata too, in the event store's reader thread shared by every segment.
 * A broken row there makes the reader fail and retry the same row forever: every read model stops.
 * Here each row goes through the same upcast-and-deserialize step first; a row that fails it is
 * replaced, the stream goes on, and the replacement fails in its handler, where the guard logs it,
 * records it in query.failed_event and parks its aggregate.
 *
 * <p>The check costs one extra pass of the upcaster chain per row; for rows no upcaster touches it
 * reads nothing (metadata and payload stay lazy).
 */
public class QuarantiningEventStorageEngine extends JdbcEventStorageEngine {

    private static final Logger log = LoggerFactory.getLogger(QuarantiningEventStorageEngine.class);

    public QuarantiningEventStorageEngine(JdbcEventStorageEngine.Builder builder) {
        super(builder);
    }

    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken)
            throws SQLException {
        TrackedEventData<?> data = super.getTrackedEventData(resultSet, previousToken);
        try {
            EventUtils.upcastAndDeserializeTrackedEvents(Stream.of(data), getEventSerializer(), upcasterChain)
                    .forEach(message -> {
                    });
            return data;
        } catch (RuntimeException unreadable) {
            return quarantined(data, unreadable);
        }
    }

    private TrackedEventData<?> quarantined(TrackedEventData<?> data, RuntimeException error) {
        if (!(data instanceof DomainEventData<?> domain) || !(data.getPayload().getData() instanceof byte[])) {
            throw error;
        }
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        log.warn("Event row at {} of aggregate {} (#{} {}) cannot be read ({}); passing it on as unreadable",
                data.trackingToken(), domain.getAggregateIdentifier(), domain.getSequenceNumber(),
                data.getPayload().getType().getName(), cause.getClass().getName());
        UnreadableEvent stand = new UnreadableEvent(data.getPayload().getType().getName(),
                data.getPayload().getType().getRevision(), cause.getClass().getName(), String.valueOf(cause.getMessage()));
        SerializedObject<byte[]> payload = getEventSerializer().serialize(stand, byte[].class);
        SerializedObject<byte[]> metaData = getEventSerializer().serialize(
                org.axonframework.messaging.MetaData.emptyInstance(), byte[].class);
        return new TrackedDomainEventData<>(data.trackingToken(), new GenericDomainEventEntry<>(domain.getType(),
                domain.getAggregateIdentifier(), domain.getSequenceNumber(), data.getEventIdentifier(),
                data.getTimestamp(), payload.getType().getName(), payload.getType().getRevision(), payload.getData(),
                metaData.getData()));
    }
}
