package org.opcat.followup.command.recommendation;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.opcat.followup.events.recommendation.Channel;
import org.opcat.followup.events.recommendation.ImplementationStatus;
import org.opcat.followup.events.recommendation.Measure;
import org.opcat.followup.events.recommendation.Position;
import org.opcat.followup.events.recommendation.Priority;
import org.opcat.followup.events.recommendation.Scope;
import org.opcat.followup.events.recommendation.Source;
import org.opcat.followup.events.recommendation.WithdrawalReason;

/**
 * The commands of a recommendation's life. Every command on an existing recommendation carries the
 * version the client last saw ({@code If-Match}), or null to skip that check.
 */
public final class RecommendationCommands {

    private RecommendationCommands() {
    }

    /** Common to every command on a recommendation that already exists. */
    public interface OnExisting {
        UUID recommendationId();

        Long expectedVersion();
    }

    public record IssueRecommendation(@TargetAggregateIdentifier UUID recommendationId, String reference, String title,
            String text, String language, LocalDate issuedOn, Source source, UUID placeId,
            List<UUID> addresseeAuthorityIds, List<String> themes, Scope scope, Priority priority,
            List<String> standards, LocalDate responseDueOn, boolean confidential) {
    }

    public record RecordAuthorityResponse(@TargetAggregateIdentifier UUID recommendationId, UUID responseId,
            UUID authorityId, LocalDate receivedOn, Channel channel, Position position, String text,
            String documentReference, Long expectedVersion) implements OnExisting {
    }

    public record FileActionPlan(@TargetAggregateIdentifier UUID recommendationId, UUID actionPlanId, UUID authorityId,
            LocalDate filedOn, List<Measure> measures, Long expectedVersion) implements OnExisting {
    }

    public record RecordFollowUpVisit(@TargetAggregateIdentifier UUID recommendationId, UUID followUpId,
            LocalDate visitedOn, UUID placeId, String findings, ImplementationStatus assessedStatus,
            Long expectedVersion) implements OnExisting {
    }

    public record AssessImplementation(@TargetAggregateIdentifier UUID recommendationId, UUID assessmentId,
            LocalDate assessedOn, ImplementationStatus status, String basis, String note, Long expectedVersion)
            implements OnExisting {
    }

    public record RecordImplementation(@TargetAggregateIdentifier UUID recommendationId, LocalDate implementedOn,
            String evidence, Long expectedVersion) implements OnExisting {
    }

    public record ReiterateRecommendation(@TargetAggregateIdentifier UUID recommendationId, LocalDate reiteratedOn,
            String documentReference, Long expectedVersion) implements OnExisting {
    }

    public record WithdrawRecommendation(@TargetAggregateIdentifier UUID recommendationId, LocalDate withdrawnOn,
            WithdrawalReason reason, UUID supersededBy, Long expectedVersion) implements OnExisting {
    }

    public record ReopenRecommendation(@TargetAggregateIdentifier UUID recommendationId, LocalDate reopenedOn,
            String reason, Long expectedVersion) implements OnExisting {
    }

    /** What every accepted command answers: the recommendation's version after it, and the new entry's id if any. */
    public record Recorded(UUID recommendationId, UUID entryId, long version) {
    }
}
