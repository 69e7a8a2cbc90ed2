package org.opcat.followup.command.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.opcat.followup.testsupport.FreshDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * command-service on a real PostgreSQL database of its own, over real HTTP, with "today" fixed at
 * {@link #TODAY}, and the demo users ({@code analyst}/{@code analyst-demo}, ...).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@ContextConfiguration(initializers = FreshDatabase.class)
@Import({CommandServiceTest.FixedClock.class, Api.class})
public @interface CommandServiceTest {

    String TODAY = "2026-11-26";

    @TestConfiguration(proxyBeanMethods = false)
    class FixedClock {
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(Instant.parse(TODAY + "T10:00:00Z"), ZoneOffset.UTC);
        }
    }
}
