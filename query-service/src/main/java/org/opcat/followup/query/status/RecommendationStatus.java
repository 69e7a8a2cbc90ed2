package org.opcat.followup.query.status;

import java.time.LocalDate;
import org.opcat.followup.events.recommendation.ImplementationStatus;
import org.opcat.followup.events.recommendation.Position;

/**
 * The derived state of SPEC §3, the one place in the query service that knows those rules. It is a
 * fold: start from {@link #issued()}, apply the recommendation's events in recording order, read
 * {@link #stage()}, {@link #open()}, {@link #implementationStatus()} and {@link #authorityPosition()}.
 * Only the facts the rules need are kept, so a projector can store them in a row and resume the
 * fold on the next event.
 *
 * <p>"Latest by business date, ties broken by recording order" means: an event whose date is on
 * or after the one kept replaces it, because events arrive in recording order.
 */
public record RecommendationStatus(
        Closure closure,
        boolean responded,
        boolean actionPlan,
        LocalDate latestResponseOn,
        Position latestPosition,
        LocalDate latestAssessmentOn,
        ImplementationStatus latestAssessedStatus) {

    public static RecommendationStatus issued() {
        return new RecommendationStatus(Closure.OPEN, false, false, null, null, null, null);
    }

    public RecommendationStatus responseRecorded(LocalDate receivedOn, Position position) {
        boolean latest = latestResponseOn == null || !receivedOn.isBefore(latestResponseOn);
        return new RecommendationStatus(closure, true, actionPlan,
                latest ? receivedOn : latestResponseOn, latest ? position : latestPosition,
                latestAssessmentOn, latestAssessedStatus);
    }

    public RecommendationStatus actionPlanFiled() {
        return new RecommendationStatus(closure, responded, true, latestResponseOn, latestPosition,
                latestAssessmentOn, latestAssessedStatus);
    }

    /** A follow-up visit's assessed status or a desk assessment: both count alike. */
    public RecommendationStatus assessed(LocalDate assessedOn, ImplementationStatus status) {
        if (status == null || !status.isAssessment()) {
            return this;
        }
        boolean latest = latestAssessmentOn == null || !assessedOn.isBefore(latestAssessmentOn);
        return latest
                ? new RecommendationStatus(closure, responded, actionPlan, latestResponseOn,
                        latestPosition, assessedOn, status)
                : this;
    }

    public RecommendationStatus implemented() {
        return closed(Closure.IMPLEMENTED);
    }

    public RecommendationStatus withdrawn() {
        return closed(Closure.WITHDRAWN);
    }

    public RecommendationStatus reopened() {
        return closed(Closure.OPEN);
    }

    private RecommendationStatus closed(Closure newClosure) {
        return new RecommendationStatus(newClosure, responded, actionPlan, latestResponseOn,
                latestPosition, latestAssessmentOn, latestAssessedStatus);
    }

    public Stage stage() {
        return switch (closure) {
            case WITHDRAWN -> Stage.WITHDRAWN;
            case IMPLEMENTED -> Stage.IMPLEMENTED;
            case OPEN -> actionPlan ? Stage.ACTION_PLAN_FILED
                    : responded ? Stage.RESPONDED
                    : Stage.AWAITING_RESPONSE;
        };
    }

    public boolean open() {
        return stage().isOpen();
    }

    public ImplementationStatus implementationStatus() {
        if (stage() == Stage.IMPLEMENTED) {
            return ImplementationStatus.IMPLEMENTED;
        }
        return latestAssessedStatus == null ? ImplementationStatus.NOT_ASSESSED : latestAssessedStatus;
    }

    public AuthorityPosition authorityPosition() {
        return AuthorityPosition.of(latestPosition);
    }
}
