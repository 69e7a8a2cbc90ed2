package org.opcat.followup.query.report;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The two time axes of an annual report. {@code asOf} is a business date: the report describes the
 * state on that day. {@code knownAt} is a recording instant: only events recorded (timestamped) at
 * or before it are used, which pins a published report against later entries.
 *
 * <p>"In the year" means a business date from 1 January to {@link #lastDay()}, the earlier of
 * 31 December and {@code asOf}: with an {@code asOf} in the middle of the year the report covers the
 * year so far; with one after the year, the year's activity stops at 31 December while the state
 * figures describe {@code asOf}.
 */
public record ReportPeriod(int year, LocalDate asOf, Instant knownAt) {

    public ReportPeriod {
        if (asOf.isBefore(LocalDate.of(year, 1, 1))) {
            throw new IllegalArgumentException("asOf " + asOf + " is before the year " + year);
        }
    }

    public LocalDate firstDay() {
        return LocalDate.of(year, 1, 1);
    }

    public LocalDate lastDay() {
        LocalDate endOfYear = LocalDate.of(year, 12, 31);
        return asOf.isBefore(endOfYear) ? asOf : endOfYear;
    }

    public boolean inYear(LocalDate date) {
        return !date.isBefore(firstDay()) && !date.isAfter(lastDay());
    }

    public boolean beforeYear(LocalDate date) {
        return date.isBefore(firstDay());
    }
}
