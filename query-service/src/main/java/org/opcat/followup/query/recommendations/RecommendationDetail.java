package org.opcat.followup.query.recommendations;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The full current state of one recommendation: its summary fields (derived state included) plus
 * everything recorded about it. Lists are in business-date order, ties in recording order.
 * {@code implemented} and {@code withdrawn} are the latest such events, kept after a reopening so
 * the reader sees what was reopened; {@code stage} says whether they still hold.
 */
public record RecommendationDetail(
        @JsonUnwrapped RecommendationSummary summary,
        String text,
        Source source,
        List<String> standards,
        List<Response> responses,
        List<ActionPlan> actionPlans,
        List<FollowUpVisit> followUpVisits,
        List<Assessment> assessments,
        List<Reiteration> reiterations,
        Implementation implemented,
        Withdrawal withdrawn,
        List<Reopening> reopenings) {

    public record Source(String kind, String documentReference) {
    }

    public record Response(UUID responseId, UUID authorityId, LocalDate receivedOn, String channel, String position,
            String text, String documentReference) {
    }

    public record ActionPlan(UUID actionPlanId, UUID authorityId, LocalDate filedOn, List<Measure> measures) {
    }

    public record Measure(String description, String responsibleUnit, LocalDate targetDate) {
    }

    public record FollowUpVisit(UUID followUpId, LocalDate visitedOn, UUID placeId, String findings,
            String assessedStatus) {
    }

    public record Assessment(UUID assessmentId, LocalDate assessedOn, String status, String basis, String note) {
    }

    public record Reiteration(LocalDate reiteratedOn, String documentReference) {
    }

    public record Implementation(LocalDate implementedOn, String evidence) {
    }

    public record Withdrawal(LocalDate withdrawnOn, String reason, UUID supersededBy) {
    }

    public record Reopening(LocalDate reopenedOn, String reason) {
    }
}
