package org.opcat.followup.command.importing;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opcat.followup.command.http.PlainTextOnly;
import org.opcat.followup.spreadsheet.AllowedValues;
import org.opcat.followup.spreadsheet.CellProblem;
import org.opcat.followup.spreadsheet.SheetRow;

/**
 * Reads the typed values of one row (dates, choices, yes/no), noting a problem per bad cell
 * instead of stopping at the first: the report lists every problem of the file at once.
 */
final class RowReading {

    /** 2026-03-01, 2026/3/1, 2026.3.1 and 2026年3月1日: how dates are typed in the sheets NPMs keep. */
    private static final Pattern DATE = Pattern.compile("^(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?$");
    private static final List<String> YES = List.of("true", "yes", "y", "1", "是", "x");
    private static final List<String> NO = List.of("false", "no", "n", "0", "否");

    private final SheetRow row;
    private final List<CellProblem> problems;
    private int found;

    RowReading(SheetRow row, List<CellProblem> problems) {
        this.row = row;
        this.problems = problems;
        for (var cell : row.cells().entrySet()) {
            if (cell.getValue() != null && !PlainTextOnly.isPlainText(cell.getValue())) {
                problem(cell.getKey(), "control characters and broken Unicode are not accepted", "invalid", Map.of());
            }
        }
    }

    SheetRow row() {
        return row;
    }

    /** No problem noted for this row so far. */
    boolean clean() {
        return found == 0;
    }

    void problem(String column, String message, org.opcat.followup.api.ProblemCode code, Map<String, Object> args) {
        problem(column, message, code.code(), args);
    }

    /** With the problem's code and arguments (docs/problems.md), for a client to word it in its reader's language. */
    void problem(String column, String message, String code, Map<String, Object> args) {
        found++;
        problems.add(new CellProblem(row.sheet().key(), row.row(), column, message, code, args));
    }

    String text(String column) {
        return row.value(column);
    }

    List<String> list(String column) {
        return row.list(column);
    }

    LocalDate date(String column) {
        String value = row.value(column);
        if (value == null) {
            return null;
        }
        Matcher m = DATE.matcher(Normalizer.normalize(value, Normalizer.Form.NFKC));
        if (m.matches()) {
            try {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            } catch (DateTimeException e) {
                // falls through to the problem below: 2026-02-30 is no date
            }
        }
        problem(column, "not a date: " + value + " (write 2026-03-01)", "not-a-date", Map.of("value", value));
        return null;
    }

    /**
     * A choice by its code or by its label in English or Chinese, as the web interface shows it
     * ({@code 查访报告}, {@code Visit report}, {@code VISIT_REPORT}).
     */
    <E extends Enum<E>> E choice(String column, Class<E> type) {
        String value = row.value(column);
        if (value == null) {
            return null;
        }
        String name = Normalizer.normalize(AllowedValues.code(column, value).orElse(value), Normalizer.Form.NFKC).strip().toUpperCase(Locale.ROOT)
                .replaceAll("[\\s\\-]+", "_");
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        List<String> allowed = AllowedValues.of(column).isEmpty()
                ? Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()
                : AllowedValues.of(column).stream().map(AllowedValues.Value::code).toList();
        problem(column, "must be one of " + allowed + " (or their English or Chinese names), not " + value, "not-one-of-values",
                Map.of("value", value, "allowed", allowed));
        return null;
    }

    /** A language by its tag or its name in English or Chinese ({@code 中文}, {@code Chinese}, {@code zh}). */
    String language(String column) {
        String value = row.value(column);
        return value == null ? null : AllowedValues.code(column, value).orElse(value);
    }

    /** Blank is no. */
    boolean flag(String column) {
        String value = row.value(column);
        if (value == null) {
            return false;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (YES.contains(lower)) {
            return true;
        }
        if (!NO.contains(lower)) {
            problem(column, "must be true or false (是/否), not " + value, "not-a-boolean", Map.of("value", value));
        }
        return false;
    }
}
