package org.opcat.followup.command;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.opcat.followup.command.refusal.InvalidInput;
import org.opcat.followup.command.refusal.Problem;
import org.opcat.followup.api.ProblemCode;

/**
 * "Today" for business dates. Analysts state dates as they know them: in the past when historic
 * records are loaded, but never in the future, judged in the NPM's own time zone, and never before
 * {@link #EARLIEST}: a year 0025 is a typing error, not history.
 */
public class BusinessCalendar {

    /** Older than any institution whose records an NPM would load (OPCAT itself dates from 2002). */
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    private final Clock clock;

    public BusinessCalendar(Clock clock, ZoneId zone) {
        this.clock = clock.withZone(zone);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public void requirePlausible(String field, LocalDate date) {
        Problem problem = problem(field, date);
        if (problem != null) {
            throw new InvalidInput(List.of(problem));
        }
    }

    /** What is implausible about the date, or null: for checks that collect every problem of a request. */
    public Problem problem(String field, LocalDate date) {
        if (date != null && date.isAfter(today())) {
            return Problem.of(field, ProblemCode.DATE_IN_FUTURE, "field", field, "date", date, "today", today());
        }
        if (date != null && date.isBefore(EARLIEST)) {
            return Problem.of(field, ProblemCode.DATE_TOO_EARLY, "field", field, "date", date, "earliest", EARLIEST);
        }
        return null;
    }
}
