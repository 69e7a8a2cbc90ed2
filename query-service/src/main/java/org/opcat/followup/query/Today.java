package org.opcat.followup.query;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/** The reference date of SPEC §3 for live queries: today in the NPM's time zone. */
@Component
public class Today {

    private final Clock clock;

    public Today(Clock clock) {
        this.clock = clock;
    }

    public LocalDate date() {
        return LocalDate.now(clock);
    }
}
