package org.opcat.followup.query.report;

import java.time.LocalDate;
import java.util.UUID;
import org.opcat.followup.events.recommendation.Channel;
import org.opcat.followup.events.recommendation.ImplementationStatus;
import org.opcat.followup.events.recommendation.Position;
import org.opcat.followup.events.recommendation.WithdrawalReason;
import org.opcat.followup.query.EventKind;
import org.opcat.followup.query.status.RecommendationStatus;

/**
 * A row of {@code report_fact} without its texts (loaded later, for the facts a report shows).
 * {@link #applyTo} feeds it to the derived-state fold of package status/, which owns the rules.
 */
record RecordedFact(UUID recommendationId, long sequenceNumber, LocalDate businessDate, EventKind kind,
        UUID authorityId, Position position, Channel channel, ImplementationStatus status, WithdrawalReason reason) {

    RecommendationStatus applyTo(RecommendationStatus state) {
        switch (kind) {
            case RESPONSE_RECORDED:
                return state.responseRecorded(businessDate, position);
            case ACTION_PLAN_FILED:
                return state.actionPlanFiled();
            case FOLLOW_UP_VISIT_RECORDED:
            case IMPLEMENTATION_ASSESSED:
                return state.assessed(businessDate, status);
            case IMPLEMENTED:
                return state.implemented();
            case WITHDRAWN:
                return state.withdrawn();
            case REOPENED:
                return state.reopened();
            default:
                return state;
        }
    }
}
