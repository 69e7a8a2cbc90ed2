package org.opcat.followup.query.processing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.opcat.followup.eventstore.EventStoreConfiguration;
import org.opcat.followup.query.ReadModels;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The read-model processor and where it stands. Positions come from the token table, not only from
 * this instance's {@link PooledStreamingEventProcessor#processingStatus()}: with several instances
 * each sees only the segments it claimed, while token_entry holds every segment and its owner.
 */
@Component
public class ReadModelProcessor {

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final String tokenTable;

    public ReadModelProcessor(EventProcessingConfiguration processing, JdbcTemplate jdbc, Serializer serializer,
            org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema tokenSchema) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.tokenTable = tokenSchema.tokenTable();
    }

    public String name() {
        return ReadModels.PROCESSING_GROUP;
    }

    public PooledStreamingEventProcessor processor() {
        return processing.eventProcessor(name(), PooledStreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException(
                        "no pooled streaming processor named " + name() + " (no projector registered?)"));
    }

    public boolean exists() {
        return processing.eventProcessor(name(), PooledStreamingEventProcessor.class).isPresent();
    }

    /** The global index of the newest event in the store (0 when empty). */
    public long headPosition() {
        Long head = jdbc.queryForObject(
                "SELECT coalesce(max(globalindex), 0) FROM " + EventStoreConfiguration.EVENT_TABLE, Long.class);
        return head == null ? 0 : head;
    }

    /**
     * Every segment of the processor as stored, whoever owns it, with this instance's live position
     * where it is ahead of the stored one (a work package stores its token at the end of a batch).
     */
    public List<SegmentPosition> segments() {
        Map<Integer, EventTrackerStatus> local = exists() ? processor().processingStatus() : Map.of();
        List<SegmentPosition> segments = new ArrayList<>();
        jdbc.query("SELECT segment, owner, token, tokentype FROM " + tokenTable
                        + " WHERE processorname = ? ORDER BY segment",
                rs -> {
                    int segment = rs.getInt("segment");
                    TrackingToken token = deserialize(rs.getBytes("token"), rs.getString("tokentype"));
                    long position = positionOf(token);
                    EventTrackerStatus status = local.get(segment);
                    boolean error = false;
                    String errorType = null;
                    if (status != null) {
                        position = Math.max(position, status.getCurrentPosition().orElse(0));
                        error = status.isErrorState();
                        errorType = status.getError() == null ? null : status.getError().getClass().getName();
                    }
                    segments.add(new SegmentPosition(segment, rs.getString("owner"), position,
                            ReplayToken.isReplay(token), status != null, error, errorType));
                }, name());
        return segments;
    }

    /** The position every segment has reached: the read models contain every event up to it. */
    public static long lowestPosition(List<SegmentPosition> segments) {
        return segments.stream().mapToLong(SegmentPosition::position).min().orElse(0);
    }

    private TrackingToken deserialize(byte[] token, String type) {
        if (token == null || type == null) {
            return null;
        }
        return serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, new SimpleSerializedType(type, null)));
    }

    private static long positionOf(TrackingToken token) {
        if (token == null) {
            return 0;
        }
        OptionalLong position = token.position();
        return position.orElse(0);
    }

    /**
     * One segment: {@code position} is the global index up to which its events are in the read
     * models; {@code local} says whether this instance is processing it.
     */
    public record SegmentPosition(int segment, String owner, long position, boolean replaying, boolean local,
            boolean error, String errorType) {
    }
}
