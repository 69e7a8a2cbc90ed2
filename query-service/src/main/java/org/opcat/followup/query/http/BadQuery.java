package org.opcat.followup.query.http;

import org.opcat.followup.api.ProblemCode;
import org.opcat.followup.api.ProblemMessages;

/**
 * A query parameter that is well-typed but not acceptable (unknown sort field, page size out of
 * range), with its code and arguments (docs/problems.md) to be worded in the request's language;
 * the exception's message is the English text.
 */
public class BadQuery extends CodedRefusal {

    private final String field;

    /** @param args name, value, name, value... */
    public BadQuery(String field, ProblemCode code, Object... args) {
        super(code, ProblemMessages.args(args));
        this.field = field;
    }

    public String field() {
        return field;
    }
}
