package org.opcat.followup.query.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
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
import org.opcat.followup.query.EventKind;
import org.opcat.followup.query.ReadModels;
import org.opcat.followup.query.processing.ReadModelWrites;
import org.opcat.followup.query.processing.ReadModelWrites.Statement;
import org.springframework.stereotype.Component;

/**
 * Keeps the annual report's dated read model ({@code report_recommendation}, {@code report_fact}).
 * Every row carries both time axes: the business date the analyst stated and the instant the event
 * was recorded (its timestamp), so a report for any {@code asOf} and {@code knownAt} is a filter,
 * never a replay. Rows are written once and never updated: what was known at an instant cannot
 * change afterwards. Inserts ignore duplicates so a redelivered event changes nothing. Rows are
 * written per batch of events ({@link ReadModelWrites}).
 */
@Component
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
public class ReportFactProjector {

    private static final Statement RECOMMENDATION = ReadModelWrites.statement("""
            INSERT INTO report_recommendation (recommendation_id, reference, title, text, issued_on, recorded_at,
                priority, confidential, addressee_ids) VALUES (?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS uuid[]))
            ON CONFLICT DO NOTHING
            """);
    private static final Statement FACT = ReadModelWrites.statement("""
            INSERT INTO report_fact (recommendation_id, sequence_number, recorded_at, business_date, kind,
                authority_id, position, channel, status, reason, text, document_reference)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING
            """);

    private final ReadModelWrites writes;

    public ReportFactProjector(ReadModelWrites writes) {
        this.writes = writes;
    }

    @EventHandler
    void on(RecommendationIssued e, @Timestamp Instant recordedAt) {
        writes.add(RECOMMENDATION, e.recommendationId(), e.reference(), e.title(), e.text(), e.issuedOn(),
                java.sql.Timestamp.from(recordedAt), e.priority().name(), e.confidential(),
                e.addresseeAuthorityIds().stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}")));
    }

    @EventHandler
    void on(AuthorityResponseRecorded e, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        fact(e.recommendationId(), sequence, recordedAt, e.receivedOn(), EventKind.RESPONSE_RECORDED,
                e.authorityId(), e.position().name(), e.channel().name(), null, null, e.text(), e.documentReference());
    }

    @EventHandler
    void on(ActionPlanFiled e, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        // The report lists a plan by its measures; each measure's own dates stay in the detail view.
        String measures = e.measures().stream().map(Measure::description).collect(Collectors.joining("\n"));
        fact(e.recommendationId(), sequence, recordedAt, e.filedOn(), EventKind.ACTION_PLAN_FILED,
                e.authorityId(), null, null, null, null, measures, null);
    }

    @EventHandler
    void on(FollowUpVisitRecorded e, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        fact(e.recommendationId(), sequence, recordedAt, e.visitedOn(), EventKind.FOLLOW_UP_VISIT_RECORDED, null, null, null,
                e.assessedStatus().name(), null, e.findings(), null);
    }

    @EventHandler
    void on(ImplementationAssessed e, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        String text = e.note() == null ? e.basis() : e.basis() + "\n" + e.note();
        fact(e.recommendationId(), sequence, recordedAt, e.assessedOn(), EventKind.IMPLEMENTATION_ASSESSED, null, null, null,
                e.status().name(), null, text, null);
    }

    @EventHandler
    void on(RecommendationImplemented e, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        fact(e.recommendationId(), sequence, recordedAt, e.implementedOn(), EventKind.IMPLEMENTED, null, null, null,
                null, null, e.evidence(), null);
    }

    @EventHandler
    void on(RecommendationReiterated e, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        fact(e.recommendationId(), sequence, recordedAt, e.reiteratedOn(), EventKind.REITERATED, null, null, null,
                null, null, null, e.documentReference());
    }

    @EventHandler
    void on(RecommendationWithdrawn e, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        fact(e.recommendationId(), sequence, recordedAt, e.withdrawnOn(), EventKind.WITHDRAWN, null, null, null,
                null, e.reason().name(), null, null);
    }

    @EventHandler
    void on(RecommendationReopened e, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        fact(e.recommendationId(), sequence, recordedAt, e.reopenedOn(), EventKind.REOPENED, null, null, null,
                null, null, e.reason(), null);
    }

    private void fact(UUID recommendationId, long sequence, Instant recordedAt, LocalDate businessDate, EventKind kind,
            UUID authorityId, String position, String channel, String status, String reason, String text,
            String documentReference) {
        writes.add(FACT, recommendationId, sequence, java.sql.Timestamp.from(recordedAt), businessDate, kind.name(),
                authorityId, position, channel, status, reason, text, documentReference);
    }
}
