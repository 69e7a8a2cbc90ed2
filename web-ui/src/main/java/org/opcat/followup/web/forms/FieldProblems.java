package org.opcat.followup.web.forms;

import java.util.Map;
import java.util.stream.Collectors;
import org.opcat.followup.web.relay.ApiRefusal;

/**
 * What a service refused in a form, for the template: {@code problems.of('receivedOn')} beside
 * that field, {@code problems.detail} above the form. A field matches its own name and anything
 * under it ({@code source.kind} for {@code source}, {@code themes[2]} for {@code themes}).
 */
public class FieldProblems {

    public static final FieldProblems NONE = new FieldProblems(null, Map.of());

    private final String detail;
    private final Map<String, String> byField;

    private FieldProblems(String detail, Map<String, String> byField) {
        this.detail = detail;
        this.byField = byField;
    }

    public static FieldProblems of(ApiRefusal refusal) {
        return new FieldProblems(refusal.detail(), refusal.fieldErrors());
    }

    /** The same, with {@code message} as a problem of {@code field} (a refusal the service did not tie to a field). */
    public FieldProblems withField(String field, String message) {
        Map<String, String> more = new java.util.LinkedHashMap<>(byField);
        more.put(field, message);
        return new FieldProblems(detail, more);
    }

    public String getDetail() {
        return detail;
    }

    public boolean any() {
        return detail != null;
    }

    /** Whether the service named the fields it objects to: then each shows beside its field, not twice. */
    public boolean byField() {
        return !byField.isEmpty();
    }

    public boolean has(String field) {
        return of(field) != null;
    }

    public String of(String field) {
        String joined = byField.entrySet().stream()
                .filter(e -> e.getKey().equals(field) || e.getKey().startsWith(field + "[") || e.getKey().startsWith(field + "."))
                .map(Map.Entry::getValue)
                .collect(Collectors.joining("; "));
        return joined.isEmpty() ? null : joined;
    }

    /** A problem of exactly this field, not of what is under it. */
    public String exactly(String field) {
        return byField.get(field);
    }
}
