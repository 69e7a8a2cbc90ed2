package org.opcat.followup.query.http;

import java.util.Locale;
import java.util.Map;
import org.opcat.followup.security.ProblemCode;
import org.opcat.followup.security.ProblemMessages;

/**
 * A query parameter that is well-typed but not acceptable (unknown sort field, page size out of
 * range), with its code and arguments (docs/problems.md) to be worded in the request's language;
 * the exception's message is the English text.
 */
public class BadQuery extends RuntimeException {

    private final String field;
    private final transient ProblemCode code;
    private final transient Map<String, Object> args;

    /** @param args name, value, name, value... */
    public BadQuery(String field, ProblemCode code, Object... args) {
        this(field, code, ProblemMessages.args(args));
    }

    private BadQuery(String field, ProblemCode code, Map<String, Object> args) {
        super(ProblemMessages.english(code, args));
        this.field = field;
        this.code = code;
        this.args = args;
    }

    public String field() {
        return field;
    }

    public ProblemCode code() {
        return code;
    }

    public Map<String, Object> args() {
        return args;
    }

    public String message(Locale locale) {
        return ProblemMessages.message(code, args, locale);
    }
}
