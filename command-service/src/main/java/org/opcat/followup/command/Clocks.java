package org.opcat.followup.command;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class Clocks {

    /** Tests replace it to fix "today". */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    BusinessCalendar businessCalendar(Clock clock, @Value("${followup.time-zone:UTC}") ZoneId zone) {
        return new BusinessCalendar(clock, zone);
    }
}
