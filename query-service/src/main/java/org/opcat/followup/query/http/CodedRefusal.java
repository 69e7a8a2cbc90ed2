package org.opcat.followup.query.http;

import java.util.Locale;
import java.util.Map;
import org.opcat.followup.api.ProblemCode;
import org.opcat.followup.api.ProblemMessages;

/**
 * A refusal of the query API with its code and named arguments (docs/problems.md), worded in the
 * request's language when it is answered; the exception's own message is the English text, for
 * the log.
 */
public abstract class CodedRefusal extends RuntimeException {

    private final transient ProblemCode code;
    private final transient Map<String, Object> args;

    protected CodedRefusal(ProblemCode code, Map<String, Object> args) {
        super(ProblemMessages.english(code, args));
        this.code = code;
        this.args = args;
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
