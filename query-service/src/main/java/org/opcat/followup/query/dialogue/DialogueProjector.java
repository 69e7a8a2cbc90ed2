package org.opcat.followup.query.dialogue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 * Rows are written per batch of events ({@link ReadModelWrites}): the responses of one batch to one
 * recommendation from one authority are folded into one upsert, which folds them with the stored
 * row by the same rules (earliest first answer; latest by date, ties: the later recorded).
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

    private static final String BATCH_STATE = DialogueProjector.class.getName();

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
        Map<List<UUID>, Responses> batch = writes.batchState(BATCH_STATE, HashMap::new);
        List<UUID> key = List.of(e.recommendationId(), e.authorityId());
        Responses responses = batch.merge(key, new Responses(e.receivedOn(), e.responseId(), e.receivedOn()),
                Responses::then);
        writes.put(RESPONSE, key, e.recommendationId(), e.authorityId(), responses.firstOn(), responses.latestId(),
                responses.latestOn());
    }

    /** One authority's answers to one recommendation within a batch, folded as the upsert folds them. */
    private record Responses(LocalDate firstOn, UUID latestId, LocalDate latestOn) {

        Responses then(Responses later) {
            boolean replaces = latestOn == null || later.latestOn != null && !later.latestOn.isBefore(latestOn);
            return new Responses(earliest(firstOn, later.firstOn), replaces ? later.latestId : latestId,
                    replaces ? later.latestOn : latestOn);
        }

        private static LocalDate earliest(LocalDate a, LocalDate b) {
            return a == null ? b : b == null || !b.isBefore(a) ? a : b;
        }
    }

}
