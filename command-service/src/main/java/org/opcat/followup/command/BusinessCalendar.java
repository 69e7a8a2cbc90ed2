package org.opcat.followup.command;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.opcat.followup.command.refusal.InvalidInput;

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
        if (date != null && date.isAfter(today())) {
            throw new InvalidInput(field, field + " " + date + " is in the future (today is " + today() + ")");
        }
        if (date != null && date.isBefore(EARLIEST)) {
            throw new InvalidInput(field, field + " " + date + " is before " + EARLIEST + ": a typing error?");
        }
    }
}
