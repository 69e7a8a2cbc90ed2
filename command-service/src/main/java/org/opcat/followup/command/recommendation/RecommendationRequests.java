package org.opcat.followup.command.recommendation;

import static org.opcat.followup.command.TextLimits.*;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.opcat.followup.events.recommendation.Channel;
import org.opcat.followup.events.recommendation.ImplementationStatus;
import org.opcat.followup.events.recommendation.Position;
import org.opcat.followup.events.recommendation.Priority;
import org.opcat.followup.events.recommendation.Scope;
import org.opcat.followup.events.recommendation.SourceKind;
import org.opcat.followup.events.recommendation.WithdrawalReason;

/**
 * The request bodies of SPEC §4, command-service table, with their limits. Public because the
 * spreadsheet import validates each row through these same records.
 */
public final class RecommendationRequests {

    private RecommendationRequests() {
    }

    public record IssueRequest(
            UUID recommendationId,
            @NotBlank @Size(max = REFERENCE) String reference,
            @NotBlank @Size(max = TITLE) String title,
            @NotBlank @Size(max = LONG_TEXT) String text,
            @NotBlank @Pattern(regexp = LANGUAGE_TAG, message = "must be a BCP 47 language tag such as zh, en or ar") String language,
            @NotNull LocalDate issuedOn,
            @NotNull @Valid SourceRequest source,
            UUID placeId,
            @NotEmpty @Size(max = LIST) List<@NotNull UUID> addresseeAuthorityIds,
            @Size(max = LIST) List<@NotBlank @Size(max = TAG) @Pattern(regexp = THEME, message = "must be a tag such as health-care") String> themes,
            @NotNull Scope scope,
            @NotNull Priority priority,
            @Size(max = LIST) List<@NotBlank @Size(max = TITLE) String> standards,
            LocalDate responseDueOn,
            @NotNull Boolean confidential) {
    }

    public record SourceRequest(@NotNull SourceKind kind, @Size(max = DOCUMENT_REFERENCE) String documentReference) {
    }

    public record ResponseRequest(
            UUID responseId,
            @NotNull UUID authorityId,
            @NotNull LocalDate receivedOn,
            @NotNull Channel channel,
            @NotNull Position position,
            @NotBlank @Size(max = LONG_TEXT) String text,
            @Size(max = DOCUMENT_REFERENCE) String documentReference) {
    }

    public record ActionPlanRequest(
            UUID actionPlanId,
            @NotNull UUID authorityId,
            @NotNull LocalDate filedOn,
            @NotEmpty @Size(max = MEASURES) List<@NotNull @Valid MeasureRequest> measures) {
    }

    public record MeasureRequest(
            @NotBlank @Size(max = SHORT_TEXT) String description,
            @NotBlank @Size(max = NAME) String responsibleUnit,
            @NotNull LocalDate targetDate) {
    }

    public record FollowUpVisitRequest(
            UUID followUpId,
            @NotNull LocalDate visitedOn,
            UUID placeId,
            @NotBlank @Size(max = LONG_TEXT) String findings,
            @NotNull ImplementationStatus assessedStatus) {
    }

    public record AssessmentRequest(
            UUID assessmentId,
            @NotNull LocalDate assessedOn,
            @NotNull ImplementationStatus status,
            @NotBlank @Size(max = SHORT_TEXT) String basis,
            @Size(max = LONG_TEXT) String note) {
    }

    public record ImplementationRequest(
            @NotNull LocalDate implementedOn,
            @NotBlank @Size(max = LONG_TEXT) String evidence) {
    }

    public record ReiterationRequest(
            @NotNull LocalDate reiteratedOn,
            @NotBlank @Size(max = DOCUMENT_REFERENCE) String documentReference) {
    }

    public record WithdrawalRequest(
            @NotNull LocalDate withdrawnOn,
            @NotNull WithdrawalReason reason,
            UUID supersededBy) {
    }

    public record ReopeningRequest(
            @NotNull LocalDate reopenedOn,
            @NotBlank @Size(max = LONG_TEXT) String reason) {
    }
}
