package org.opcat.followup.query;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * A query-service test against real PostgreSQL: the whole application on a random port, its own
 * database with the event store schema in place ({@link EventStoreDatabase}), "today" fixed by
 * {@link FixedClock}, {@link EventLog} to append events as command-service would, and the demo users
 * with TestRestTemplate signed in as {@code admin} ({@link SignedIn}; {@code withBasicAuth} for others).
 *
 * <p>Each test class gets its own context and database and closes it when done
 * ({@link DirtiesContext}): a class never sees another's events, no idle processor keeps polling
 * through later classes, and contexts close while the embedded server is still up rather than in
 * JVM shutdown hooks racing its own (which held every test JVM 30 s at exit).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@ContextConfiguration(initializers = EventStoreDatabase.class)
@Import({FixedClock.class, EventLog.class, SignedIn.class})
@DirtiesContext
public @interface QueryServiceTest {
}
