package org.opcat.followup.command.recommendation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.opcat.followup.command.BusinessCalendar;
import org.opcat.followup.command.recommendation.RecommendationRequests.*;
import org.opcat.followup.command.refusal.Problem;
import org.opcat.followup.command.refusal.ProblemFieldError;
import org.opcat.followup.events.recommendation.ImplementationStatus;
import org.opcat.followup.api.ProblemCode;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * The aggregate's rules that a request alone can break (dates in the future, a due date before
 * the issue, a plan's measures due before it...), checked beside Bean Validation so that a request
 * learns every problem at once, not one per try. The aggregates keep enforcing them: the rules a
 * command alone can break are written once, in {@link RecommendationRules}, and this only reports
 * them earlier, all together. The spreadsheet import checks each row with it too.
 */
@Component
public class RequestRules implements Validator {

    private final BusinessCalendar calendar;

    RequestRules(BusinessCalendar calendar) {
        this.calendar = calendar;
    }

    /** Every rule the request breaks, in field order; missing values are Bean Validation's to report. */
    public List<Problem> problems(Object request) {
        List<Problem> problems = new ArrayList<>();
        if (request instanceof IssueRequest r) {
            date(problems, "issuedOn", r.issuedOn());
            problems.addAll(RecommendationRules.issue(r.issuedOn(), r.responseDueOn(), r.addresseeAuthorityIds(),
                    r.scope(), r.placeId()));
        } else if (request instanceof ResponseRequest r) {
            date(problems, "receivedOn", r.receivedOn());
        } else if (request instanceof ActionPlanRequest r) {
            date(problems, "filedOn", r.filedOn());
            if (r.measures() != null) {
                problems.addAll(RecommendationRules.actionPlan(r.filedOn(),
                        r.measures().stream().map(m -> m == null ? null : m.targetDate()).toList()));
            }
        } else if (request instanceof FollowUpVisitRequest r) {
            date(problems, "visitedOn", r.visitedOn());
            assessment(problems, "assessedStatus", r.assessedStatus());
        } else if (request instanceof AssessmentRequest r) {
            date(problems, "assessedOn", r.assessedOn());
            assessment(problems, "status", r.status());
        } else if (request instanceof ImplementationRequest r) {
            date(problems, "implementedOn", r.implementedOn());
        } else if (request instanceof ReiterationRequest r) {
            date(problems, "reiteratedOn", r.reiteratedOn());
        } else if (request instanceof WithdrawalRequest r) {
            date(problems, "withdrawnOn", r.withdrawnOn());
            problems.addAll(RecommendationRules.withdrawal(r.reason(), r.supersededBy()));
        } else if (request instanceof ReopeningRequest r) {
            date(problems, "reopenedOn", r.reopenedOn());
        }
        return problems;
    }

    private void date(List<Problem> problems, String field, LocalDate date) {
        Problem problem = calendar.problem(field, date);
        if (problem != null) {
            problems.add(problem);
        }
    }

    private static void assessment(List<Problem> problems, String field, ImplementationStatus status) {
        if (status != null && !status.isAssessment()) {
            problems.add(Problem.of(field, ProblemCode.NOT_AN_ASSESSMENT));
        }
    }

    @Override
    public boolean supports(Class<?> type) {
        // Binders of this API's path variables and headers get it too: they have nothing to check.
        return true;
    }

    @Override
    public void validate(Object target, Errors errors) {
        // Added as errors of their own kind, with code and arguments, for the answer to word in either language.
        BindingResult result = (BindingResult) errors;
        problems(target).forEach(p -> result.addError(new ProblemFieldError(errors.getObjectName(), p)));
    }
}
