package org.opcat.followup.query.history;

import java.time.LocalDate;
import org.opcat.followup.events.recommendation.ActionPlanFiled;
import org.opcat.followup.events.recommendation.AuthorityResponseRecorded;
import org.opcat.followup.events.recommendation.FollowUpVisitRecorded;
import org.opcat.followup.events.recommendation.ImplementationAssessed;
import org.opcat.followup.events.recommendation.RecommendationImplemented;
import org.opcat.followup.events.recommendation.RecommendationIssued;
import org.opcat.followup.events.recommendation.RecommendationReiterated;
import org.opcat.followup.events.recommendation.RecommendationReopened;
import org.opcat.followup.events.recommendation.RecommendationWithdrawn;

/**
 * One event as a line of a recommendation's history: its type, the business date the analyst
 * stated, and a short English summary built only from the event itself (so a replay writes the
 * same text whatever else has been registered since).
 */
public record HistoryLine(String eventType, LocalDate businessDate, String summary) {

    public static HistoryLine of(Object event) {
        if (event instanceof RecommendationIssued e) {
            return new HistoryLine("ISSUED", e.issuedOn(), "Issued " + e.reference() + " (" + e.priority()
                    + ", " + e.scope() + ") to " + e.addresseeAuthorityIds().size() + " authorit"
                    + (e.addresseeAuthorityIds().size() == 1 ? "y" : "ies")
                    + (e.responseDueOn() == null ? "" : ", response due " + e.responseDueOn()));
        }
        if (event instanceof AuthorityResponseRecorded e) {
            return new HistoryLine("RESPONSE_RECORDED", e.receivedOn(),
                    e.channel() + " response: " + e.position());
        }
        if (event instanceof ActionPlanFiled e) {
            return new HistoryLine("ACTION_PLAN_FILED", e.filedOn(), "Action plan with " + e.measures().size()
                    + " measure" + (e.measures().size() == 1 ? "" : "s") + ", last target "
                    + e.measures().stream().map(m -> m.targetDate()).max(LocalDate::compareTo)
                            .map(LocalDate::toString).orElse("none"));
        }
        if (event instanceof FollowUpVisitRecorded e) {
            return new HistoryLine("FOLLOW_UP_VISIT_RECORDED", e.visitedOn(),
                    "Follow-up visit: " + e.assessedStatus());
        }
        if (event instanceof ImplementationAssessed e) {
            return new HistoryLine("IMPLEMENTATION_ASSESSED", e.assessedOn(),
                    "Assessed " + e.status() + " on the basis of: " + e.basis());
        }
        if (event instanceof RecommendationImplemented e) {
            return new HistoryLine("IMPLEMENTED", e.implementedOn(), "Implemented");
        }
        if (event instanceof RecommendationReiterated e) {
            return new HistoryLine("REITERATED", e.reiteratedOn(), "Reiterated in " + e.documentReference());
        }
        if (event instanceof RecommendationWithdrawn e) {
            return new HistoryLine("WITHDRAWN", e.withdrawnOn(), "Withdrawn: " + e.reason()
                    + (e.supersededBy() == null ? "" : ", superseded by " + e.supersededBy()));
        }
        if (event instanceof RecommendationReopened e) {
            return new HistoryLine("REOPENED", e.reopenedOn(), "Reopened: " + e.reason());
        }
        // An event type newer than this code: still part of the audit trail.
        return new HistoryLine(event.getClass().getSimpleName(), null, event.getClass().getSimpleName());
    }
}
