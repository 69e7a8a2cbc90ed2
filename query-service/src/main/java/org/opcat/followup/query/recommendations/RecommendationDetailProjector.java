package org.opcat.followup.query.recommendations;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.opcat.followup.events.recommendation.ActionPlanFiled;
import org.opcat.followup.events.recommendation.AuthorityResponseRecorded;
import org.opcat.followup.events.recommendation.FollowUpVisitRecorded;
import org.opcat.followup.events.recommendation.ImplementationAssessed;
import org.opcat.followup.events.recommendation.Measure;
import org.opcat.followup.events.recommendation.RecommendationImplemented;
import org.opcat.followup.events.recommendation.RecommendationIssued;
import org.opcat.followup.events.recommendation.RecommendationReiterated;
import org.opcat.followup.events.recommendation.RecommendationReopened;
import org.opcat.followup.events.recommendation.RecommendationWithdrawn;
import org.opcat.followup.query.ReadModels;
import org.opcat.followup.query.processing.ReadModelWrites;
import org.opcat.followup.query.processing.ReadModelWrites.Statement;
import org.springframework.stereotype.Component;

/**
 * Keeps the detail tables: the recommendation's own text and sources, and one row per response,
 * action plan (with its measures), follow-up visit, assessment, reiteration and reopening. Rows are
 * keyed by their ids (or the event's sequence number), so a redelivered event changes nothing.
 * Rows are written per batch of events ({@link ReadModelWrites}): the detail row's insert is
 * declared before its updates, as the issued event comes before the events that update it.
 */
@Component
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
public class RecommendationDetailProjector {

    private static final Statement DETAIL = ReadModelWrites.statement("""
            INSERT INTO recommendation_detail (recommendation_id, text, source_kind, source_document_reference,
                standards) VALUES (?, ?, ?, ?, CAST(? AS text[]))
            ON CONFLICT (recommendation_id) DO NOTHING
            """);
    private static final Statement IMPLEMENTED = ReadModelWrites.statement(
            "UPDATE recommendation_detail SET implemented_on = ?, implementation_evidence = ? WHERE recommendation_id = ?");
    private static final Statement WITHDRAWN = ReadModelWrites.statement(
            "UPDATE recommendation_detail SET withdrawn_on = ?, withdrawal_reason = ?, superseded_by = ?"
                    + " WHERE recommendation_id = ?");
    private static final Statement RESPONSE = ReadModelWrites.statement("""
            INSERT INTO recommendation_response (response_id, recommendation_id, sequence_number, authority_id,
                received_on, channel, position, text, document_reference) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (response_id) DO NOTHING
            """);
    private static final Statement ACTION_PLAN = ReadModelWrites.statement("""
            INSERT INTO action_plan (action_plan_id, recommendation_id, sequence_number, authority_id, filed_on)
            VALUES (?, ?, ?, ?, ?) ON CONFLICT (action_plan_id) DO NOTHING
            """);
    // An action plan's measures are written with it; a redelivered plan finds them there already.
    private static final Statement MEASURE = ReadModelWrites.statement("""
            INSERT INTO action_plan_measure (action_plan_id, ordinal, description, responsible_unit, target_date)
            VALUES (?, ?, ?, ?, ?) ON CONFLICT (action_plan_id, ordinal) DO NOTHING
            """);
    private static final Statement FOLLOW_UP_VISIT = ReadModelWrites.statement("""
            INSERT INTO follow_up_visit (follow_up_id, recommendation_id, sequence_number, visited_on, place_id,
                findings, assessed_status) VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (follow_up_id) DO NOTHING
            """);
    private static final Statement ASSESSMENT = ReadModelWrites.statement("""
            INSERT INTO implementation_assessment (assessment_id, recommendation_id, sequence_number, assessed_on,
                status, basis, note) VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (assessment_id) DO NOTHING
            """);
    private static final Statement REITERATION = ReadModelWrites.statement("""
            INSERT INTO reiteration (recommendation_id, sequence_number, reiterated_on, document_reference)
            VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING
            """);
    private static final Statement REOPENING = ReadModelWrites.statement("""
            INSERT INTO reopening (recommendation_id, sequence_number, reopened_on, reason)
            VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING
            """);

    private final ReadModelWrites writes;

    public RecommendationDetailProjector(ReadModelWrites writes) {
        this.writes = writes;
    }

    @EventHandler
    void on(RecommendationIssued e) {
        writes.add(DETAIL, e.recommendationId(), e.text(),
                e.source() == null || e.source().kind() == null ? null : e.source().kind().name(),
                e.source() == null ? null : e.source().documentReference(),
                e.standards().toArray(String[]::new));
    }

    @EventHandler
    void on(AuthorityResponseRecorded e, @SequenceNumber long sequenceNumber) {
        writes.add(RESPONSE, e.responseId(), e.recommendationId(), sequenceNumber, e.authorityId(), e.receivedOn(),
                e.channel().name(), e.position().name(), e.text(), e.documentReference());
    }

    @EventHandler
    void on(ActionPlanFiled e, @SequenceNumber long sequenceNumber) {
        writes.add(ACTION_PLAN, e.actionPlanId(), e.recommendationId(), sequenceNumber, e.authorityId(), e.filedOn());
        for (int i = 0; i < e.measures().size(); i++) {
            Measure m = e.measures().get(i);
            writes.add(MEASURE, e.actionPlanId(), i, m.description(), m.responsibleUnit(), m.targetDate());
        }
    }

    @EventHandler
    void on(FollowUpVisitRecorded e, @SequenceNumber long sequenceNumber) {
        writes.add(FOLLOW_UP_VISIT, e.followUpId(), e.recommendationId(), sequenceNumber, e.visitedOn(), e.placeId(),
                e.findings(), e.assessedStatus().name());
    }

    @EventHandler
    void on(ImplementationAssessed e, @SequenceNumber long sequenceNumber) {
        writes.add(ASSESSMENT, e.assessmentId(), e.recommendationId(), sequenceNumber, e.assessedOn(),
                e.status().name(), e.basis(), e.note());
    }

    @EventHandler
    void on(RecommendationImplemented e) {
        writes.add(IMPLEMENTED, e.implementedOn(), e.evidence(), e.recommendationId());
    }

    @EventHandler
    void on(RecommendationWithdrawn e) {
        writes.add(WITHDRAWN, e.withdrawnOn(), e.reason().name(), e.supersededBy(), e.recommendationId());
    }

    @EventHandler
    void on(RecommendationReiterated e, @SequenceNumber long sequenceNumber) {
        writes.add(REITERATION, e.recommendationId(), sequenceNumber, e.reiteratedOn(), e.documentReference());
    }

    @EventHandler
    void on(RecommendationReopened e, @SequenceNumber long sequenceNumber) {
        writes.add(REOPENING, e.recommendationId(), sequenceNumber, e.reopenedOn(), e.reason());
    }

}
