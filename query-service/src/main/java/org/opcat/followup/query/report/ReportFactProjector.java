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
        write(e.recommendationId(), sequence, recordedAt, Fact.response(e.receivedOn(), e.authorityId(),
                e.position().name(), e.channel().name(), e.text(), e.documentReference()));
    }

    @EventHandler
    void on(ActionPlanFiled e, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        // The report lists a plan by its measures; each measure's own dates stay in the detail view.
        String measures = e.measures().stream().map(Measure::description).collect(Collectors.joining("\n"));
        write(e.recommendationId(), sequence, recordedAt, Fact.actionPlan(e.filedOn(), e.authorityId(), measures));
    }

    @EventHandler
    void on(FollowUpVisitRecorded e, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        write(e.recommendationId(), sequence, recordedAt, Fact.assessment(e.visitedOn(),
                EventKind.FOLLOW_UP_VISIT_RECORDED, e.assessedStatus().name(), e.findings()));
    }

    @EventHandler
    void on(ImplementationAssessed e, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        String text = e.note() == null ? e.basis() : e.basis() + "\n" + e.note();
        write(e.recommendationId(), sequence, recordedAt, Fact.assessment(e.assessedOn(),
                EventKind.IMPLEMENTATION_ASSESSED, e.status().name(), text));
    }

    @EventHandler
    void on(RecommendationImplemented e, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        write(e.recommendationId(), sequence, recordedAt, Fact.withText(e.implementedOn(), EventKind.IMPLEMENTED,
                e.evidence()));
    }

    @EventHandler
    void on(RecommendationReiterated e, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        write(e.recommendationId(), sequence, recordedAt, Fact.reiteration(e.reiteratedOn(), e.documentReference()));
    }

    @EventHandler
    void on(RecommendationWithdrawn e, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        write(e.recommendationId(), sequence, recordedAt, Fact.withdrawal(e.withdrawnOn(), e.reason().name()));
    }

    @EventHandler
    void on(RecommendationReopened e, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        write(e.recommendationId(), sequence, recordedAt, Fact.withText(e.reopenedOn(), EventKind.REOPENED,
                e.reason()));
    }

    private void write(UUID recommendationId, long sequence, Instant recordedAt, Fact f) {
        writes.add(FACT, recommendationId, sequence, java.sql.Timestamp.from(recordedAt), f.businessDate(),
                f.kind().name(), f.authorityId(), f.position(), f.channel(), f.status(), f.reason(), f.text(),
                f.documentReference());
    }

    /** A {@code report_fact} row's own columns; each kind of event fills in its own, the rest stay null. */
    private record Fact(LocalDate businessDate, EventKind kind, UUID authorityId, String position, String channel,
            String status, String reason, String text, String documentReference) {

        static Fact response(LocalDate receivedOn, UUID authorityId, String position, String channel, String text,
                String documentReference) {
            return new Fact(receivedOn, EventKind.RESPONSE_RECORDED, authorityId, position, channel, null, null, text,
                    documentReference);
        }

        static Fact actionPlan(LocalDate filedOn, UUID authorityId, String measures) {
            return new Fact(filedOn, EventKind.ACTION_PLAN_FILED, authorityId, null, null, null, null, measures, null);
        }

        /** A follow-up visit or a desk assessment: an implementation status, and the words behind it. */
        static Fact assessment(LocalDate on, EventKind kind, String status, String text) {
            return new Fact(on, kind, null, null, null, status, null, text, null);
        }

        /** An implementation (its evidence) or a reopening (its reason). */
        static Fact withText(LocalDate on, EventKind kind, String text) {
            return new Fact(on, kind, null, null, null, null, null, text, null);
        }

        static Fact reiteration(LocalDate reiteratedOn, String documentReference) {
            return new Fact(reiteratedOn, EventKind.REITERATED, null, null, null, null, null, null, documentReference);
        }

        static Fact withdrawal(LocalDate withdrawnOn, String reason) {
            return new Fact(withdrawnOn, EventKind.WITHDRAWN, null, null, null, null, reason, null, null);
        }
    }
}
