package org.opcat.followup.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one table the harness prints: every figure beside its raw-PostgreSQL baseline from the same
 * run, the ratio, the target and whether it is met. Rows are added as measurements finish, so a
 * run that fails half-way still prints what it measured.
 */
final class Figures {

    /** How a row's target is checked. */
    enum Check { AT_LEAST_RATIO, AT_MOST, NONE }

    record Row(String figure, double value, String unit, Double baseline, Check check, double target, String targetText,
               String failure) {

        Row(String figure, double value, String unit, Double baseline, Check check, double target, String targetText) {
            this(figure, value, unit, baseline, check, target, targetText, null);
        }

        Double ratio() {
            return baseline == null || baseline == 0 ? null : value / baseline;
        }

        String met() {
            if (failure != null) {
                return check == Check.NONE ? "" : "NO";
            }
            return switch (check) {
                case NONE -> "";
                case AT_MOST -> value <= target ? "yes" : "NO";
                case AT_LEAST_RATIO -> ratio() != null && ratio() >= target ? "yes" : "NO";
            };
        }
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    void against(String figure, double value, String unit, double baseline, double minRatio) {
        rows.add(new Row(figure, value, unit, baseline, Check.AT_LEAST_RATIO, minRatio,
                String.format(Locale.ROOT, "≥ %.0f %%", minRatio * 100)));
    }

    void atMost(String figure, double value, String unit, double max) {
        rows.add(new Row(figure, value, unit, null, Check.AT_MOST, max, String.format(Locale.ROOT, "≤ %s", number(max))));
    }

    /** A measurement that produced no figure (time-out, error answer): the table says so instead of a number. */
    void failed(String figure, String failure, boolean hadTarget, String targetText) {
        rows.add(new Row(figure, Double.NaN, "", null, hadTarget ? Check.AT_MOST : Check.NONE, 0, targetText, failure));
    }

    void info(String figure, double value, String unit) {
        rows.add(new Row(figure, value, unit, null, Check.NONE, 0, ""));
    }

    void info(String figure, double value, String unit, double baseline) {
        rows.add(new Row(figure, value, unit, baseline, Check.NONE, 0, ""));
    }

    void note(String text) {
        notes.add(text);
        System.out.println("  note: " + text);
    }

    String table() {
        StringBuilder out = new StringBuilder();
        out.append("| figure | value | baseline (raw PostgreSQL) | ratio | target | met? |\n");
        out.append("| --- | ---: | ---: | ---: | --- | --- |\n");
        for (Row row : rows) {
            out.append("| ").append(row.figure()).append(" | ")
                    .append(row.failure() != null ? row.failure() : number(row.value()) + " " + row.unit())
                    .append(" | ").append(row.baseline() == null ? "" : number(row.baseline()) + " " + row.unit())
                    .append(" | ").append(row.ratio() == null ? "" : String.format(Locale.ROOT, "%.0f %%", row.ratio() * 100))
                    .append(" | ").append(row.targetText()).append(" | ").append(row.met()).append(" |\n");
        }
        for (String note : notes) {
            out.append("\n- ").append(note);
        }
        return out.toString();
    }

    static String number(double value) {
        if (Math.abs(value) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (Math.abs(value) >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
