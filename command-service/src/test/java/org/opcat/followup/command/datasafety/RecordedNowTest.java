package org.opcat.followup.command.datasafety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opcat.followup.command.datasafety.StoreWithServiceRole.insertEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The database holds every writer to stamping an event when it is recorded: the services' role
 * cannot back-date an event into a report already pinned by its knownAt, nor date one ahead.
 */
class RecordedNowTest {

    static JdbcTemplate service;

    @BeforeAll
    static void migrateAsOwnerWithAServiceRole() {
        service = StoreWithServiceRole.migrate().service();
    }

    private static long stored(String aggregate) {
        return service.queryForObject("SELECT count(*) FROM events.domain_event_entry WHERE aggregateIdentifier = ?",
                Long.class, aggregate);
    }

    @Test
    void anEventStampedNowIsStored() {
        String aggregate = UUID.randomUUID().toString();
        insertEvent(service, aggregate, 0, Instant.now().toString());
        insertEvent(service, aggregate, 1, Instant.now().minusSeconds(3).toString());
        assertThat(stored(aggregate)).isEqualTo(2);
    }

    @Test
    void aBackDatedEventIsRefused() {
        String aggregate = UUID.randomUUID().toString();
        for (Duration back : new Duration[] {Duration.ofDays(400), Duration.ofHours(1), Duration.ofSeconds(30)}) {
            assertThatThrownBy(() -> insertEvent(service, aggregate, 0, Instant.now().minus(back).toString()))
                    .as("stamped %s ago", back)
                    .hasStackTraceContaining("more than 10 s from the database clock");
        }
        assertThat(stored(aggregate)).isZero();
    }

    @Test
    void anEventDatedAheadIsRefused() {
        String aggregate = UUID.randomUUID().toString();
        assertThatThrownBy(() -> insertEvent(service, aggregate, 0, Instant.now().plus(Duration.ofMinutes(5)).toString()))
                .hasStackTraceContaining("more than 10 s from the database clock");
        assertThat(stored(aggregate)).isZero();
    }

    @Test
    void aStampThatIsNoTimestampIsRefused() {
        String aggregate = UUID.randomUUID().toString();
        assertThatThrownBy(() -> insertEvent(service, aggregate, 0, "yesterday, roughly"))
                .hasStackTraceContaining("which is no timestamp");
        assertThat(stored(aggregate)).isZero();
    }

    @Test
    void theCheckMeasuresAgainstTheClockNotTheStartOfALongTransaction() {
        // An import's validation holds one transaction for a whole file: events stamped late in it
        // are as current as any.
        String aggregate = UUID.randomUUID().toString();
        var transactions = new TransactionTemplate(new DataSourceTransactionManager(service.getDataSource()));
        transactions.executeWithoutResult(status -> {
            service.execute("SELECT pg_sleep(12)");
            insertEvent(service, aggregate, 0, Instant.now().toString());
        });
        assertThat(stored(aggregate)).isEqualTo(1);
    }
}
