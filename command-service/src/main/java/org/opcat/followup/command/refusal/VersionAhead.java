package org.opcat.followup.command.refusal;

import org.opcat.followup.api.ProblemCode;

/**
 * {@code If-Match} names a later version than the state the command was checked against. Either
 * that state was cached before another command-service instance wrote (the command runs again on
 * the stored history, see {@code StaleStateRetry}), or the client sent a version that never
 * existed: a 409 like any other version that does not match.
 */
public final class VersionAhead extends RuleViolated {

    public VersionAhead(String field, long expected, long version) {
        super(field, ProblemCode.VERSION_AHEAD, "expected", expected, "version", version);
    }
}
