package org.opcat.followup.query.dialogue;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.opcat.followup.events.recommendation.AuthorityResponseRecorded;
import org.opcat.followup.events.recommendation.RecommendationIssued;
import org.opcat.followup.query.ReadModels;
import org.opcat.followup.query.processing.ReadModelWrites;
import org.opcat.followup.query.processing.ReadModelWrites.Statement;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code query.addressee_dialogue}: per recommendation and addressee, when that authority
 * first answered and which of its answers is the latest (by received date, ties: recording order).
 * The dialogue needs this per authority; the summary only knows about responses in general.
 * Rows are written per batch of events ({@link ReadModelWrites}), responses in recording order.
 */
@Component
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
public class DialogueProjector {

    private static final Statement ADDRESSEE = ReadModelWrites.statement(
            "INSERT INTO addressee_dialogue (recommendation_id, authority_id) VALUES (?, ?) ON CONFLICT DO NOTHING");
    private static final Statement RESPONSE = ReadModelWrites.statement("""
            INSERT INTO addressee_dialogue AS d (recommendation_id, authority_id, first_response_on,
                latest_response_id, latest_response_on) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (recommendation_id, authority_id) DO UPDATE SET
                first_response_on = LEAST(COALESCE(d.first_response_on, EXCLUDED.first_response_on),
                    EXCLUDED.first_response_on),
                latest_response_id = CASE WHEN d.latest_response_on IS NULL
                    OR d.latest_response_on <= EXCLUDED.latest_response_on
                    THEN EXCLUDED.latest_response_id ELSE d.latest_response_id END,
                latest_response_on = GREATEST(d.latest_response_on, EXCLUDED.latest_response_on)
            """);

    private final ReadModelWrites writes;

    public DialogueProjector(ReadModelWrites writes) {
        this.writes = writes;
    }

    @EventHandler
    void on(RecommendationIssued e) {
        for (var authorityId : e.addresseeAuthorityIds()) {
            writes.add(ADDRESSEE, e.recommendationId(), authorityId);
        }
    }

    @EventHandler
    void on(AuthorityResponseRecorded e) {
        writes.add(RESPONSE, e.recommendationId(), e.authorityId(), e.receivedOn(), e.responseId(), e.receivedOn());
    }

}
