package org.opcat.followup.query.http;

import java.util.Locale;
import java.util.Map;
import org.opcat.followup.security.ProblemCode;
import org.opcat.followup.security.ProblemMessages;

/** Answered as 404: the read models know no such recommendation or authority. */
public class UnknownResource extends RuntimeException {

    private final transient ProblemCode code;
    private final transient Map<String, Object> args;

    /** @param code unknown-recommendation or unknown-authority */
    public UnknownResource(ProblemCode code, Object id) {
        this(code, ProblemMessages.args("id", id));
    }

    private UnknownResource(ProblemCode code, Map<String, Object> args) {
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
