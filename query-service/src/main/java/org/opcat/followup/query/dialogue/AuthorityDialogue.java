package org.opcat.followup.query.dialogue;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What to discuss with one authority (seed paragraph 34): the open recommendations addressed to it
 * and its figures. "Responded", "awaiting" and "overdue" are about this authority's own answers,
 * so a recommendation with two addressees counts as awaiting for the one that has not answered.
 */
public record AuthorityDialogue(
        UUID authorityId,
        String name,
        String kind,
        LocalDate asOf,
        Figures figures,
        List<OpenRecommendation> openRecommendations) {

    /**
     * addressed: recommendations addressed to it; responded: those it answered at least once;
     * awaitingResponse: open ones it has not answered; overdueResponses: of those, past their due
     * date; medianDaysToFirstResponse: from issue to its first answer, over those it answered
     * (null if none).
     */
    public record Figures(long addressed, long responded, long awaitingResponse, long overdueResponses,
            Double medianDaysToFirstResponse) {
    }

    /**
     * responseOverdue is the recommendation's (SPEC §3); awaitingOwnResponse and ownResponseOverdue
     * are about this authority. Measures are those of the action plans this authority filed.
     */
    public record OpenRecommendation(
            UUID recommendationId,
            String reference,
            String title,
            String priority,
            String stage,
            String implementationStatus,
            String authorityPosition,
            LocalDate issuedOn,
            long daysOpen,
            LocalDate responseDueOn,
            boolean responseOverdue,
            boolean awaitingOwnResponse,
            boolean ownResponseOverdue,
            LatestResponse latestResponse,
            List<Measure> measures,
            int openMeasures,
            int overdueMeasures) {
    }

    public record LatestResponse(UUID responseId, LocalDate receivedOn, String channel, String position, String text,
            String documentReference) {
    }

    /** A measure of an open recommendation; overdue once its target date has passed. */
    public record Measure(UUID actionPlanId, String description, String responsibleUnit, LocalDate targetDate,
            boolean overdue) {
    }
}
