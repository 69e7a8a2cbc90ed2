package org.opcat.followup.query.freshness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opcat.followup.query.freshness.ReadYourWrites.ReadModelBehind;
import org.opcat.followup.testsupport.TestPostgres;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How a waiter wakes, on PostgreSQL but without the application: by the projector's signal in this
 * JVM, or, when another instance commits (no signal here), by re-reading the table.
 */
class ReadYourWritesWakeUpTest {

    static JdbcTemplate jdbc;
    static ScheduledExecutorService otherWriter = Executors.newSingleThreadScheduledExecutor();

    @BeforeAll
    static void table() {
        jdbc = new JdbcTemplate(TestPostgres.dataSource(TestPostgres.newDatabase()));
        jdbc.execute("CREATE TABLE recommendation_summary (recommendation_id UUID PRIMARY KEY, version BIGINT)");
    }

    @AfterAll
    static void stop() {
        otherWriter.shutdownNow();
    }

    static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    void a_commit_in_another_instance_is_seen_at_the_next_recheck() {
        ReadYourWrites readYourWrites = new ReadYourWrites(jdbc, Duration.ofSeconds(5), Duration.ofMillis(100));
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO recommendation_summary VALUES (?, 0)", id);
        // Another instance commits version 1 in 300 ms and cannot signal this one.
        otherWriter.schedule(() -> jdbc.update("UPDATE recommendation_summary SET version = 1 WHERE recommendation_id = ?",
                id), 300, TimeUnit.MILLISECONDS);
        long start = System.nanoTime();
        assertThat(readYourWrites.await(id, 1)).contains(1L);
        assertThat(millisSince(start)).isBetween(250L, 1500L);
    }

    @Test
    void a_signal_wakes_the_waiter_without_waiting_for_a_recheck() {
        // A recheck so long that only the signal can explain a prompt answer.
        ReadYourWrites readYourWrites = new ReadYourWrites(jdbc, Duration.ofSeconds(20), Duration.ofSeconds(20));
        UUID id = UUID.randomUUID();
        otherWriter.schedule(() -> {
            jdbc.update("INSERT INTO recommendation_summary VALUES (?, 0)", id);
            readYourWrites.signal();
        }, 200, TimeUnit.MILLISECONDS);
        long start = System.nanoTime();
        assertThat(readYourWrites.await(id, 0)).contains(0L);
        assertThat(millisSince(start)).isLessThan(5000L);
    }

    @Test
    void a_version_that_never_comes_ends_in_read_model_behind_at_the_deadline() {
        ReadYourWrites readYourWrites = new ReadYourWrites(jdbc, Duration.ofMillis(400), Duration.ofMillis(100));
        UUID id = UUID.randomUUID();
        long start = System.nanoTime();
        assertThatThrownBy(() -> readYourWrites.await(id, 3)).isInstanceOf(ReadModelBehind.class)
                .hasMessageContaining("version none").hasMessageContaining("asked for 3");
        assertThat(millisSince(start)).isBetween(350L, 3000L);
    }
}
