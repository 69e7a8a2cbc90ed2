package org.opcat.followup.query.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.opcat.followup.events.AggregateTypes;
import org.springframework.stereotype.Component;
import org.opcat.followup.query.ReadModels;
import org.opcat.followup.query.processing.ReadModelWrites;
import org.opcat.followup.query.processing.ReadModelWrites.Statement;

/**
 * Keeps {@code query.recommendation_history}: every event of every recommendation, with who
 * recorded it ({@code recordedBy} metadata) and when (the event timestamp).
 */
@Component
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
public class HistoryProjector {

    private static final Statement LINE = ReadModelWrites.statement("""
            INSERT INTO recommendation_history (recommendation_id, sequence_number, event_type, business_date,
                recorded_at, recorded_by, summary, details) VALUES (CAST(? AS uuid), ?, ?, ?, ?, ?, ?, CAST(? AS jsonb))
            ON CONFLICT DO NOTHING
            """);

    private final ReadModelWrites writes;
    private final ObjectMapper json;

    public HistoryProjector(ReadModelWrites writes, ObjectMapper json) {
        this.writes = writes;
        this.json = json;
    }

    @EventHandler
    void on(Object event, DomainEventMessage<?> message) {
        if (!AggregateTypes.RECOMMENDATION.equals(message.getType())) {
            return;
        }
        HistoryLine line = HistoryLine.of(event);
        Object recordedBy = message.getMetaData().get("recordedBy");
        writes.add(LINE, message.getAggregateIdentifier(), message.getSequenceNumber(), line.eventType(),
                line.businessDate(), Timestamp.from(message.getTimestamp()),
                recordedBy == null ? null : recordedBy.toString(), line.summary(), asJson(line));
    }

    private String asJson(HistoryLine line) {
        try {
            return json.writeValueAsString(line.details());
        } catch (JsonProcessingException e) {
            // Strings and numbers only: cannot happen.
            throw new IllegalStateException(e);
        }
    }

}
