package org.opcat.followup.command.refusal;

import org.opcat.followup.api.ProblemCode;

/**
 * The request is well-formed but conflicts with what is already recorded (a closed recommendation,
 * a response from a body it was not addressed to, a reused reference, a stale version): 409.
 */
public non-sealed class RuleViolated extends CommandRefused {

    /** @param args name, value, name, value... */
    public RuleViolated(String field, ProblemCode code, Object... args) {
        super(field, code, Problem.of(field, code, args).args());
    }
}
