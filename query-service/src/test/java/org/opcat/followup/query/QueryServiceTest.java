package org.opcat.followup.query;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * A query-service test against real PostgreSQL: the whole application on a random port, its own
 * database with the event store schema in place ({@link EventStoreDatabase}), "today" fixed by
 * {@link FixedClock}, and {@link EventLog} to append events as command-service would.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = EventStoreDatabase.class)
@Import({FixedClock.class, EventLog.class})
public @interface QueryServiceTest {
}
