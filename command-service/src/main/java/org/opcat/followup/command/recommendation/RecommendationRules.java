package org.opcat.followup.command.recommendation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.opcat.followup.command.refusal.Problem;
import org.opcat.followup.events.recommendation.Scope;
import org.opcat.followup.events.recommendation.WithdrawalReason;
import org.opcat.followup.api.ProblemCode;

/**
 * The rules of a recommendation that its command alone can break, each written once: the aggregate
 * refuses with them, and {@link RequestRules} reports them beside Bean Validation so that a request
 * (or a spreadsheet row) learns every problem at once. Pure, and tolerant of missing values, which
 * are Bean Validation's to report.
 */
public final class RecommendationRules {

    private RecommendationRules() {
    }

    /** What an issue breaks by itself, in field order. */
    public static List<Problem> issue(LocalDate issuedOn, LocalDate responseDueOn, List<UUID> addresseeAuthorityIds,
            Scope scope, UUID placeId) {
        List<Problem> problems = new ArrayList<>();
        if (issuedOn != null && responseDueOn != null && responseDueOn.isBefore(issuedOn)) {
            problems.add(Problem.of("responseDueOn", ProblemCode.RESPONSE_DUE_BEFORE_ISSUED));
        }
        if (addresseeAuthorityIds != null
                && new LinkedHashSet<>(addresseeAuthorityIds).size() != addresseeAuthorityIds.size()) {
            problems.add(Problem.of("addresseeAuthorityIds", ProblemCode.AUTHORITY_LISTED_TWICE));
        }
        if (scope == Scope.PLACE_SPECIFIC && placeId == null) {
            problems.add(Problem.of("placeId", ProblemCode.PLACE_REQUIRED));
        }
        return problems;
    }

    /** Every measure of a plan due before the plan itself; a missing target date is skipped. */
    public static List<Problem> actionPlan(LocalDate filedOn, List<LocalDate> targetDates) {
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; filedOn != null && targetDates != null && i < targetDates.size(); i++) {
            LocalDate target = targetDates.get(i);
            if (target != null && target.isBefore(filedOn)) {
                problems.add(Problem.of("measures[" + i + "].targetDate", ProblemCode.TARGET_BEFORE_FILED));
            }
        }
        return problems;
    }

    /** A successor is named exactly when the reason is that the recommendation was superseded. */
    public static List<Problem> withdrawal(WithdrawalReason reason, UUID supersededBy) {
        if (reason != null && (reason == WithdrawalReason.SUPERSEDED) != (supersededBy != null)) {
            return List.of(Problem.of("supersededBy", ProblemCode.SUPERSEDED_BY_MISMATCH));
        }
        return List.of();
    }
}
