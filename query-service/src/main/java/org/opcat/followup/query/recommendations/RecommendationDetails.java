package org.opcat.followup.query.recommendations;

import static org.opcat.followup.query.recommendations.RecommendationQueries.date;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opcat.followup.query.recommendations.RecommendationDetail.ActionPlan;
import org.opcat.followup.query.recommendations.RecommendationDetail.Assessment;
import org.opcat.followup.query.recommendations.RecommendationDetail.FollowUpVisit;
import org.opcat.followup.query.recommendations.RecommendationDetail.Implementation;
import org.opcat.followup.query.recommendations.RecommendationDetail.Measure;
import org.opcat.followup.query.recommendations.RecommendationDetail.Reiteration;
import org.opcat.followup.query.recommendations.RecommendationDetail.Reopening;
import org.opcat.followup.query.recommendations.RecommendationDetail.Response;
import org.opcat.followup.query.recommendations.RecommendationDetail.Source;
import org.opcat.followup.query.recommendations.RecommendationDetail.Withdrawal;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** Reads one recommendation's detail from the summary row and the detail tables. */
@Repository
public class RecommendationDetails {

    private final RecommendationQueries summaries;
    private final JdbcTemplate jdbc;

    public RecommendationDetails(RecommendationQueries summaries, JdbcTemplate jdbc) {
        this.summaries = summaries;
        this.jdbc = jdbc;
    }

    /** One repeatable-read transaction, so the parts come from one committed state of the projection. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Optional<RecommendationDetail> find(UUID id, LocalDate today) {
        return summaries.summary(id, today).map(summary -> assemble(summary, id));
    }

    private RecommendationDetail assemble(RecommendationSummary summary, UUID id) {
        record Own(String text, Source source, List<String> standards, Implementation implemented,
                Withdrawal withdrawn) {
        }
        Own own = jdbc.queryForObject("SELECT * FROM recommendation_detail WHERE recommendation_id = ?",
                (rs, n) -> new Own(rs.getString("text"),
                        new Source(rs.getString("source_kind"), rs.getString("source_document_reference")),
                        RecommendationQueries.strings(rs.getArray("standards")),
                        date(rs, "implemented_on") == null ? null
                                : new Implementation(date(rs, "implemented_on"), rs.getString("implementation_evidence")),
                        date(rs, "withdrawn_on") == null ? null
                                : new Withdrawal(date(rs, "withdrawn_on"), rs.getString("withdrawal_reason"),
                                        rs.getObject("superseded_by", UUID.class))), id);
        List<Response> responses = jdbc.query("SELECT * FROM recommendation_response WHERE recommendation_id = ? "
                + "ORDER BY received_on, sequence_number", (rs, n) -> new Response(
                        rs.getObject("response_id", UUID.class), rs.getObject("authority_id", UUID.class),
                        date(rs, "received_on"), rs.getString("channel"), rs.getString("position"),
                        rs.getString("text"), rs.getString("document_reference")), id);
        List<ActionPlan> plans = jdbc.query("SELECT * FROM action_plan WHERE recommendation_id = ? "
                + "ORDER BY filed_on, sequence_number", (rs, n) -> new ActionPlan(
                        rs.getObject("action_plan_id", UUID.class), rs.getObject("authority_id", UUID.class),
                        date(rs, "filed_on"), measures(rs.getObject("action_plan_id", UUID.class))), id);
        List<FollowUpVisit> visits = jdbc.query("SELECT * FROM follow_up_visit WHERE recommendation_id = ? "
                + "ORDER BY visited_on, sequence_number", (rs, n) -> new FollowUpVisit(
                        rs.getObject("follow_up_id", UUID.class), date(rs, "visited_on"),
                        rs.getObject("place_id", UUID.class), rs.getString("findings"),
                        rs.getString("assessed_status")), id);
        List<Assessment> assessments = jdbc.query("SELECT * FROM implementation_assessment WHERE recommendation_id = ? "
                + "ORDER BY assessed_on, sequence_number", (rs, n) -> new Assessment(
                        rs.getObject("assessment_id", UUID.class), date(rs, "assessed_on"), rs.getString("status"),
                        rs.getString("basis"), rs.getString("note")), id);
        List<Reiteration> reiterations = jdbc.query("SELECT * FROM reiteration WHERE recommendation_id = ? "
                + "ORDER BY reiterated_on, sequence_number",
                (rs, n) -> new Reiteration(date(rs, "reiterated_on"), rs.getString("document_reference")), id);
        List<Reopening> reopenings = jdbc.query("SELECT * FROM reopening WHERE recommendation_id = ? "
                + "ORDER BY reopened_on, sequence_number",
                (rs, n) -> new Reopening(date(rs, "reopened_on"), rs.getString("reason")), id);
        return new RecommendationDetail(summary, own.text(), own.source(), own.standards(), responses, plans, visits,
                assessments, reiterations, own.implemented(), own.withdrawn(), reopenings);
    }

    private List<Measure> measures(UUID actionPlanId) {
        return jdbc.query("SELECT * FROM action_plan_measure WHERE action_plan_id = ? ORDER BY ordinal",
                (rs, n) -> new Measure(rs.getString("description"), rs.getString("responsible_unit"),
                        date(rs, "target_date")), actionPlanId);
    }
}
