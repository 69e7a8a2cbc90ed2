package org.opcat.followup.command.refusal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opcat.followup.api.ProblemCode;

/**
 * A command that was refused and stored nothing. Each subtype is one answer the API gives:
 * the HTTP layer maps the type, never the message. It carries every problem found, each with its
 * code and arguments, so that the answer can word them in the request's language; the exception's
 * own message is the English detail.
 */
public abstract sealed class CommandRefused extends RuntimeException
        permits InvalidInput, RuleViolated, UnknownId {

    private final transient List<Problem> problems;
    private final transient Problem problem;

    protected CommandRefused(String field, ProblemCode code, Map<String, Object> args) {
        this(new Problem(field, code, args));
    }

    private CommandRefused(Problem problem) {
        this(problem, List.of(problem));
    }

    /** @param problems at least one */
    protected CommandRefused(List<Problem> problems) {
        this(problems.size() == 1 ? problems.get(0)
                : Problem.of(null, ProblemCode.INVALID_FIELDS, "count", problems.size()), problems);
    }

    private CommandRefused(Problem problem, List<Problem> problems) {
        super(Problem.detail(problems, Locale.ENGLISH), null, false, false);
        this.problem = problem;
        this.problems = List.copyOf(problems);
    }

    /** The request field the refusal is about, or null when it is about the request as a whole. */
    public String field() {
        return problems.isEmpty() ? null : problems.get(0).field();
    }

    /** The refusal as a whole: the one problem's code, or {@code invalid-fields} for several. */
    public Problem problem() {
        return problem;
    }

    /** Every problem found (several only for invalid input), each with its field. */
    public List<Problem> problems() {
        return problems;
    }

    public String detail(Locale locale) {
        return Problem.detail(problems, locale);
    }
}
