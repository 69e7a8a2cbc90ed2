package org.opcat.followup.command.refusal;

import java.util.List;
import org.opcat.followup.api.ProblemCode;

/** The request contradicts itself or the calendar (a date in the future, a plan without measures): 400. */
public final class InvalidInput extends CommandRefused {

    /** @param args name, value, name, value... */
    public InvalidInput(String field, ProblemCode code, Object... args) {
        super(field, code, Problem.of(field, code, args).args());
    }

    /** Every problem of a request at once, so that a client can correct them all before trying again. */
    public InvalidInput(List<Problem> problems) {
        super(problems);
    }
}
