package org.opcat.followup.command.refusal;

import java.util.Locale;
import org.springframework.validation.FieldError;

/** A rule's problem among Bean Validation's field errors, so that one answer reports them all. */
public class ProblemFieldError extends FieldError {

    private final transient Problem problem;

    public ProblemFieldError(String objectName, Problem problem) {
        super(objectName, problem.field(), null, false, new String[] {problem.code().code()}, null,
                problem.message(Locale.ENGLISH));
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
