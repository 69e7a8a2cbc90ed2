package org.opcat.followup.query.processing;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.opcat.followup.query.processing.ReadModelProcessor.SegmentPosition;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health/readModels}: is the read-model processor running, is any of its segments
 * failing, how far behind the event store is it, and did events fail (docs/query-side.md).
 *
 * <ul>
 * <li>DOWN: the processor is not running, or a segment or the coordinator is in error, or this
 *     instance is retrying an event after a transient failure ({@link RetriedEvents}; Axon retries
 *     with a back-off; a lasting DOWN is a database problem), or it has stood still behind the head
 *     of the event store for longer than {@code followup.processing.stall-after} ({@link StallWatch}).</li>
 * <li>DEGRADED: running, but events were recorded in query.failed_event: some aggregates' read
 *     models are frozen. Answered with HTTP 200: the service still serves every other aggregate,
 *     and all instances share the same failed events, so taking one out of a load balancer would
 *     not help.</li>
 * <li>UP otherwise.</li>
 * </ul>
 * Details carry positions, counts and exception class names, never payload text or error messages
 * (they may quote confidential content; the full message is in the log and the table).
 */
@Component("readModels")
public class ReadModelsHealthIndicator implements HealthIndicator {

    public static final Status DEGRADED = new Status("DEGRADED",
            "events were recorded in query.failed_event: their aggregates' read models are frozen");

    private final ReadModelProcessor readModels;
    private final FailedEvents failedEvents;
    private final RetriedEvents retriedEvents;
    private final ProcessingSettings settings;
    private final SegmentShare segmentShare;
    private final StallWatch stallWatch;

    public ReadModelsHealthIndicator(ReadModelProcessor readModels, FailedEvents failedEvents,
            RetriedEvents retriedEvents, ProcessingSettings settings, SegmentShare segmentShare, StallWatch stallWatch) {
        this.readModels = readModels;
        this.failedEvents = failedEvents;
        this.retriedEvents = retriedEvents;
        this.settings = settings;
        this.segmentShare = segmentShare;
        this.stallWatch = stallWatch;
    }

    @Override
    public Health health() {
        if (!readModels.exists()) {
            return Health.unknown().withDetail("processor", "no projector registered").build();
        }
        PooledStreamingEventProcessor processor = readModels.processor();
        List<SegmentPosition> segments = readModels.segments();
        long head = readModels.headPosition();
        long position = ReadModelProcessor.lowestPosition(segments);
        List<RetriedEvents.Retry> retrying = retriedEvents.current();
        boolean segmentError = segments.stream().anyMatch(SegmentPosition::error) || !retrying.isEmpty();
        FailedEvents.Summary failed = failedEvents.summary();
        Optional<Duration> stalled = stallWatch.observe(position, head);

        Map<String, Object> details = new LinkedHashMap<>();
        details.put("processor", readModels.name());
        details.put("node", settings.nodeName());
        details.put("liveInstances", segmentShare.liveInstances());
        details.put("segmentShare", segmentShare.share());
        details.put("running", processor.isRunning());
        details.put("error", processor.isError() || segmentError);
        details.put("replaying", segments.stream().anyMatch(SegmentPosition::replaying));
        details.put("headPosition", head);
        details.put("position", position);
        details.put("lag", Math.max(0, head - position));
        stalled.ifPresent(still -> details.put("stalledForSeconds", still.toSeconds()));
        details.put("segments", segments);
        details.put("unclaimedSegments", segments.stream().filter(segment -> segment.owner() == null).count());
        details.put("retrying", retrying);
        details.put("failedEvents", failed.failed());
        details.put("parkedEvents", failed.parked());
        details.put("parkedAggregates", failed.aggregates());
        if (failed.latestFailure() != null) {
            FailedEvent latest = failed.latestFailure();
            Map<String, Object> latestDetails = new LinkedHashMap<>();
            latestDetails.put("globalIndex", latest.globalIndex());
            latestDetails.put("aggregateId", latest.aggregateId());
            latestDetails.put("sequenceNumber", latest.sequenceNumber());
            latestDetails.put("payloadType", latest.payloadType());
            latestDetails.put("errorClass", latest.errorClass());
            details.put("latestFailure", latestDetails);
        }

        Status status;
        if (!processor.isRunning() || processor.isError() || segmentError || stalled.isPresent()) {
            status = Status.DOWN;
        } else if (failed.failed() > 0) {
            status = DEGRADED;
        } else {
            status = Status.UP;
        }
        return Health.status(status).withDetails(details).build();
    }
}
