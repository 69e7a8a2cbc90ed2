package org.opcat.followup.command.refusal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.opcat.followup.api.ProblemCode;
import org.opcat.followup.api.ProblemMessages;

/**
 * One thing wrong with a request: the field it is about (null for the request as a whole), a
 * stable code, and the code's named arguments, from which its text is worded in either language.
 */
public record Problem(String field, ProblemCode code, Map<String, Object> args) {

    public Problem {
        args = Collections.unmodifiableMap(new LinkedHashMap<>(args));
    }

    /** @param args name, value, name, value... */
    public static Problem of(String field, ProblemCode code, Object... args) {
        Map<String, Object> named = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            named.put((String) args[i], args[i + 1]);
        }
        return new Problem(field, code, named);
    }

    public String message(Locale locale) {
        return ProblemMessages.message(code, args, locale);
    }

    /**
     * The {@code detail} of a problem answer: a rule's own sentence when it is alone, otherwise
     * "field: text" of each, as Bean Validation's problems have always been answered.
     */
    public static String detail(List<Problem> problems, Locale locale) {
        if (problems.size() == 1 && problems.get(0).code().sentence()) {
            return problems.get(0).message(locale);
        }
        return problems.stream().map(p -> p.field() + ": " + p.message(locale)).collect(Collectors.joining("; "));
    }
}
