package org.opcat.followup.command.refusal;

/**
 * The request is well-formed but conflicts with what is already recorded (a closed recommendation,
 * a response from a body it was not addressed to, a reused reference, a stale version): 409.
 */
public non-sealed class RuleViolated extends CommandRefused {

    public RuleViolated(String field, String message) {
        super(field, message);
    }
}
