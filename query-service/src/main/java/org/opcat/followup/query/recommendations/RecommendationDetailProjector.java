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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the detail tables: the recommendation's own text and sources, and one row per response,
 * action plan (with its measures), follow-up visit, assessment, reiteration and reopening. Rows are
 * keyed by their ids (or the event's sequence number), so a redelivered event changes nothing.
 */
@Component
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
public class RecommendationDetailProjector {

    private final JdbcTemplate jdbc;

    public RecommendationDetailProjector(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(RecommendationIssued e) {
        jdbc.update("""
                INSERT INTO recommendation_detail (recommendation_id, text, source_kind, source_document_reference,
                    standards) VALUES (?, ?, ?, ?, CAST(? AS text[]))
                ON CONFLICT (recommendation_id) DO NOTHING
                """, e.recommendationId(), e.text(),
                e.source() == null || e.source().kind() == null ? null : e.source().kind().name(),
                e.source() == null ? null : e.source().documentReference(),
                e.standards().toArray(String[]::new));
    }

    @EventHandler
    void on(AuthorityResponseRecorded e, @SequenceNumber long sequenceNumber) {
        jdbc.update("""
                INSERT INTO recommendation_response (response_id, recommendation_id, sequence_number, authority_id,
                    received_on, channel, position, text, document_reference) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (response_id) DO NOTHING
                """, e.responseId(), e.recommendationId(), sequenceNumber, e.authorityId(), e.receivedOn(),
                e.channel().name(), e.position().name(), e.text(), e.documentReference());
    }

    @EventHandler
    void on(ActionPlanFiled e, @SequenceNumber long sequenceNumber) {
        int inserted = jdbc.update("""
                INSERT INTO action_plan (action_plan_id, recommendation_id, sequence_number, authority_id, filed_on)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT (action_plan_id) DO NOTHING
                """, e.actionPlanId(), e.recommendationId(), sequenceNumber, e.authorityId(), e.filedOn());
        if (inserted == 0) {
            return;
        }
        for (int i = 0; i < e.measures().size(); i++) {
            Measure m = e.measures().get(i);
            jdbc.update("""
                    INSERT INTO action_plan_measure (action_plan_id, ordinal, description, responsible_unit,
                        target_date) VALUES (?, ?, ?, ?, ?)
                    """, e.actionPlanId(), i, m.description(), m.responsibleUnit(), m.targetDate());
        }
    }

    @EventHandler
    void on(FollowUpVisitRecorded e, @SequenceNumber long sequenceNumber) {
        jdbc.update("""
                INSERT INTO follow_up_visit (follow_up_id, recommendation_id, sequence_number, visited_on, place_id,
                    findings, assessed_status) VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (follow_up_id) DO NOTHING
                """, e.followUpId(), e.recommendationId(), sequenceNumber, e.visitedOn(), e.placeId(), e.findings(),
                e.assessedStatus().name());
    }

    @EventHandler
    void on(ImplementationAssessed e, @SequenceNumber long sequenceNumber) {
        jdbc.update("""
                INSERT INTO implementation_assessment (assessment_id, recommendation_id, sequence_number, assessed_on,
                    status, basis, note) VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (assessment_id) DO NOTHING
                """, e.assessmentId(), e.recommendationId(), sequenceNumber, e.assessedOn(), e.status().name(),
                e.basis(), e.note());
    }

    @EventHandler
    void on(RecommendationImplemented e) {
        jdbc.update("UPDATE recommendation_detail SET implemented_on = ?, implementation_evidence = ? "
                + "WHERE recommendation_id = ?", e.implementedOn(), e.evidence(), e.recommendationId());
    }

    @EventHandler
    void on(RecommendationWithdrawn e) {
        jdbc.update("UPDATE recommendation_detail SET withdrawn_on = ?, withdrawal_reason = ?, superseded_by = ? "
                + "WHERE recommendation_id = ?", e.withdrawnOn(), e.reason().name(), e.supersededBy(),
                e.recommendationId());
    }

    @EventHandler
    void on(RecommendationReiterated e, @SequenceNumber long sequenceNumber) {
        jdbc.update("""
                INSERT INTO reiteration (recommendation_id, sequence_number, reiterated_on, document_reference)
                VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING
                """, e.recommendationId(), sequenceNumber, e.reiteratedOn(), e.documentReference());
    }

    @EventHandler
    void on(RecommendationReopened e, @SequenceNumber long sequenceNumber) {
        jdbc.update("""
                INSERT INTO reopening (recommendation_id, sequence_number, reopened_on, reason)
                VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING
                """, e.recommendationId(), sequenceNumber, e.reopenedOn(), e.reason());
    }

}
