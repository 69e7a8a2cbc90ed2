package org.opcat.followup.query;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * "Today" for overdue responses and ages, in the NPM's own time zone ({@code followup.time-zone}):
 * a deadline passes at local midnight, not at UTC midnight. Tests replace the clock to fix today.
 */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

    @Bean
    public Clock clock(@Value("${followup.time-zone:UTC}") String timeZone) {
        return Clock.system(ZoneId.of(timeZone));
    }
}
