package org.opcat.followup.command.refusal;

/**
 * A command that was refused and stored nothing. Each subtype is one answer the API gives:
 * the HTTP layer maps the type, never the message.
 */
public abstract sealed class CommandRefused extends RuntimeException
        permits InvalidInput, RuleViolated, UnknownId {

    private final String field;

    protected CommandRefused(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    /** The request field the refusal is about, or null when it is about the request as a whole. */
    public String field() {
        return field;
    }
}
