package org.opcat.followup.web.forms;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.util.MultiValueMap;

/**
 * A submitted form, turned into what the API expects: blank means absent (the API then says what
 * is missing, beside the field), lists from checkboxes, lines or commas. Also the values as typed,
 * to show the form again when the API refuses it.
 */
public class Submitted {

    private static final Pattern MEASURE = Pattern.compile("measures\\[(\\d+)]\\.(description|responsibleUnit|targetDate)");

    private final MultiValueMap<String, String> params;

    public Submitted(MultiValueMap<String, String> params) {
        this.params = params;
    }

    public String text(String name) {
        String value = params.getFirst(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    public boolean checked(String name) {
        return params.containsKey(name);
    }

    /** Every value of a repeated field (checkboxes, multiple select), blanks left out. */
    public List<String> all(String name) {
        List<String> values = params.getOrDefault(name, List.of());
        return values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
    }

    /** One item per line (standards). */
    public List<String> lines(String name) {
        String value = params.getFirst(name);
        return value == null ? List.of() : value.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    /** Items separated by commas (either width) or spaces (themes). */
    public List<String> tags(String name) {
        String value = params.getFirst(name);
        return value == null ? List.of() : Arrays.stream(value.split("[,，\\s]+")).filter(t -> !t.isBlank()).toList();
    }

    /**
     * The measure rows, renumbered from 0 in page order: rows removed in the browser leave gaps,
     * and the API's errors ({@code measures[1].targetDate}) count the rows it was sent.
     */
    public List<Map<String, String>> measures() {
        Map<Integer, Map<String, String>> rows = new TreeMap<>();
        params.forEach((key, values) -> {
            Matcher m = MEASURE.matcher(key);
            if (m.matches() && !values.isEmpty()) {
                rows.computeIfAbsent(Integer.parseInt(m.group(1)), i -> new LinkedHashMap<>()).put(m.group(2), values.get(0));
            }
        });
        List<Map<String, String>> measures = new ArrayList<>();
        for (Map<String, String> row : rows.values()) {
            if (row.values().stream().anyMatch(v -> v != null && !v.isBlank())) {
                measures.add(row);
            }
        }
        return measures;
    }

    /** The values as typed, first of each, to fill the form again. */
    public Map<String, String> asTyped() {
        Map<String, String> typed = new LinkedHashMap<>();
        params.forEach((key, values) -> typed.put(key, values.isEmpty() ? "" : values.get(0)));
        return typed;
    }
}
