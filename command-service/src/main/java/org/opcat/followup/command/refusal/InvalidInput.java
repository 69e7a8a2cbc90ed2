package org.opcat.followup.command.refusal;

/** The request contradicts itself or the calendar (a date in the future, a plan without measures): 400. */
public final class InvalidInput extends CommandRefused {

    public InvalidInput(String field, String message) {
        super(field, message);
    }
}
