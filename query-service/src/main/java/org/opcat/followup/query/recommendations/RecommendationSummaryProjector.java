package org.opcat.followup.query.recommendations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.opcat.followup.events.recommendation.ActionPlanFiled;
import org.opcat.followup.events.recommendation.AuthorityResponseRecorded;
import org.opcat.followup.events.recommendation.FollowUpVisitRecorded;
import org.opcat.followup.events.recommendation.ImplementationAssessed;
import org.opcat.followup.events.recommendation.ImplementationStatus;
import org.opcat.followup.events.recommendation.Position;
import org.opcat.followup.events.recommendation.RecommendationImplemented;
import org.opcat.followup.events.recommendation.RecommendationIssued;
import org.opcat.followup.events.recommendation.RecommendationReiterated;
import org.opcat.followup.events.recommendation.RecommendationReopened;
import org.opcat.followup.events.recommendation.RecommendationWithdrawn;
import org.opcat.followup.query.ReadModels;
import org.opcat.followup.query.freshness.ReadYourWrites;
import org.opcat.followup.query.status.Closure;
import org.opcat.followup.query.status.RecommendationStatus;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code query.recommendation_summary}: one row per recommendation with its derived state.
 * Each event resumes the {@link RecommendationStatus} fold from the stored facts, so the rules live
 * in the status package only. An event at or below the stored version was applied already
 * (redelivery) and is skipped.
 */
@Component
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
public class RecommendationSummaryProjector {

    private final NamedParameterJdbcTemplate jdbc;
    private final ReadYourWrites readYourWrites;

    public RecommendationSummaryProjector(NamedParameterJdbcTemplate jdbc, ReadYourWrites readYourWrites) {
        this.jdbc = jdbc;
        this.readYourWrites = readYourWrites;
    }

    @EventHandler
    void on(RecommendationIssued e, @SequenceNumber long sequenceNumber) {
        RecommendationStatus status = RecommendationStatus.issued();
        MapSqlParameterSource p = statusParameters(status)
                .addValue("id", e.recommendationId())
                .addValue("reference", e.reference())
                .addValue("title", e.title())
                .addValue("language", e.language())
                .addValue("issuedOn", e.issuedOn())
                .addValue("placeId", e.placeId())
                .addValue("addressees", e.addresseeAuthorityIds().stream().map(UUID::toString).toArray(String[]::new))
                .addValue("themes", e.themes().toArray(String[]::new))
                .addValue("scope", e.scope().name())
                .addValue("priority", e.priority().name())
                .addValue("confidential", e.confidential())
                .addValue("responseDueOn", e.responseDueOn())
                .addValue("version", sequenceNumber)
                .addValue("searchText", SearchText.of(e.reference(), e.title(), e.text()));
        jdbc.update("""
                INSERT INTO recommendation_summary (recommendation_id, reference, title, language, issued_on,
                    place_id, addressee_authority_ids, themes, scope, priority, confidential, response_due_on,
                    stage, open, implementation_status, authority_position, last_activity_on, version, search_text,
                    status_closure, status_responded, status_action_plan, status_response_on, status_position,
                    status_assessment_on, status_assessed)
                VALUES (:id, :reference, :title, :language, :issuedOn, :placeId, CAST(:addressees AS uuid[]),
                    CAST(:themes AS text[]), :scope, :priority, :confidential, :responseDueOn,
                    :stage, :open, :implementationStatus, :authorityPosition, :issuedOn, :version, :searchText,
                    :closure, :responded, :actionPlan, :responseOn, :position, :assessmentOn, :assessed)
                ON CONFLICT (recommendation_id) DO NOTHING
                """, p);
        readYourWrites.signalAfterCommit();
    }

    @EventHandler
    void on(AuthorityResponseRecorded e, @SequenceNumber long sequenceNumber) {
        advance(e.recommendationId(), sequenceNumber, e.receivedOn(),
                s -> s.responseRecorded(e.receivedOn(), e.position()),
                ", first_response_on = LEAST(COALESCE(first_response_on, :activityOn), :activityOn)");
    }

    @EventHandler
    void on(ActionPlanFiled e, @SequenceNumber long sequenceNumber) {
        advance(e.recommendationId(), sequenceNumber, e.filedOn(), RecommendationStatus::actionPlanFiled, "");
    }

    @EventHandler
    void on(FollowUpVisitRecorded e, @SequenceNumber long sequenceNumber) {
        advance(e.recommendationId(), sequenceNumber, e.visitedOn(),
                s -> s.assessed(e.visitedOn(), e.assessedStatus()), "");
    }

    @EventHandler
    void on(ImplementationAssessed e, @SequenceNumber long sequenceNumber) {
        advance(e.recommendationId(), sequenceNumber, e.assessedOn(), s -> s.assessed(e.assessedOn(), e.status()), "");
    }

    @EventHandler
    void on(RecommendationImplemented e, @SequenceNumber long sequenceNumber) {
        advance(e.recommendationId(), sequenceNumber, e.implementedOn(), RecommendationStatus::implemented, "");
    }

    @EventHandler
    void on(RecommendationReiterated e, @SequenceNumber long sequenceNumber) {
        advance(e.recommendationId(), sequenceNumber, e.reiteratedOn(), UnaryOperator.identity(), "");
    }

    @EventHandler
    void on(RecommendationWithdrawn e, @SequenceNumber long sequenceNumber) {
        advance(e.recommendationId(), sequenceNumber, e.withdrawnOn(), RecommendationStatus::withdrawn, "");
    }

    @EventHandler
    void on(RecommendationReopened e, @SequenceNumber long sequenceNumber) {
        advance(e.recommendationId(), sequenceNumber, e.reopenedOn(), RecommendationStatus::reopened, "");
    }


    private void advance(UUID id, long sequenceNumber, LocalDate activityOn, UnaryOperator<RecommendationStatus> change,
            String extraAssignments) {
        List<RecommendationStatus> stored = jdbc.query(
                "SELECT * FROM recommendation_summary WHERE recommendation_id = :id AND version < :version",
                new MapSqlParameterSource("id", id).addValue("version", sequenceNumber),
                (rs, n) -> storedStatus(rs));
        if (stored.isEmpty()) {
            return;
        }
        RecommendationStatus status = change.apply(stored.get(0));
        jdbc.update("""
                UPDATE recommendation_summary SET stage = :stage, open = :open,
                    implementation_status = :implementationStatus, authority_position = :authorityPosition,
                    status_closure = :closure, status_responded = :responded, status_action_plan = :actionPlan,
                    status_response_on = :responseOn, status_position = :position,
                    status_assessment_on = :assessmentOn, status_assessed = :assessed,
                    last_activity_on = GREATEST(last_activity_on, :activityOn), version = :version
                """ + extraAssignments + " WHERE recommendation_id = :id",
                statusParameters(status).addValue("id", id).addValue("version", sequenceNumber)
                        .addValue("activityOn", activityOn));
        readYourWrites.signalAfterCommit();
    }

    private static MapSqlParameterSource statusParameters(RecommendationStatus s) {
        return new MapSqlParameterSource()
                .addValue("stage", s.stage().name())
                .addValue("open", s.open())
                .addValue("implementationStatus", s.implementationStatus().name())
                .addValue("authorityPosition", s.authorityPosition().name())
                .addValue("closure", s.closure().name())
                .addValue("responded", s.responded())
                .addValue("actionPlan", s.actionPlan())
                .addValue("responseOn", s.latestResponseOn())
                .addValue("position", s.latestPosition() == null ? null : s.latestPosition().name())
                .addValue("assessmentOn", s.latestAssessmentOn())
                .addValue("assessed", s.latestAssessedStatus() == null ? null : s.latestAssessedStatus().name());
    }

    private static RecommendationStatus storedStatus(ResultSet rs) throws SQLException {
        String position = rs.getString("status_position");
        String assessed = rs.getString("status_assessed");
        return new RecommendationStatus(
                Closure.valueOf(rs.getString("status_closure")),
                rs.getBoolean("status_responded"),
                rs.getBoolean("status_action_plan"),
                rs.getObject("status_response_on", LocalDate.class),
                position == null ? null : Position.valueOf(position),
                rs.getObject("status_assessment_on", LocalDate.class),
                assessed == null ? null : ImplementationStatus.valueOf(assessed));
    }
}
