package org.opcat.followup.command;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.opcat.followup.command.refusal.InvalidInput;

/**
 * "Today" for business dates. Analysts state dates as they know them: in the past when historic
 * records are loaded, but never in the future, judged in the NPM's own time zone.
 */
public class BusinessCalendar {

    private final Clock clock;

    public BusinessCalendar(Clock clock, ZoneId zone) {
        this.clock = clock.withZone(zone);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public void requireNotInFuture(String field, LocalDate date) {
        if (date != null && date.isAfter(today())) {
            throw new InvalidInput(field, field + " " + date + " is in the future (today is " + today() + ")");
        }
    }
}
