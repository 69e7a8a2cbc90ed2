package org.opcat.followup.command.datasafety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opcat.followup.command.datasafety.StoreWithServiceRole.insertEvent;

import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every event is numbered by the global index's one sequence: no session can number its events
 * otherwise, since an import's validation stores nothing (the validation-only numbering below zero
 * is retired by migration V2026_12_04_04).
 */
class GlobalIndexTest {

    static JdbcTemplate service;

    @BeforeAll
    static void migrate() {
        service = StoreWithServiceRole.migrate().service();
    }

    private static long lastIndex() {
        return service.queryForObject("SELECT coalesce(max(globalIndex), 0) FROM events.domain_event_entry", Long.class);
    }

    @Test
    void aSessionCannotNumberItsEventsBelowZero() {
        insertEvent(service, UUID.randomUUID().toString(), 0);
        long before = lastIndex();
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(service.getDataSource()));

        transactions.executeWithoutResult(status -> {
            service.execute("SET LOCAL followup.validation_only = 'on'");
            insertEvent(service, UUID.randomUUID().toString(), 0);
        });

        assertThat(lastIndex()).as("committed, numbered right after the last event").isEqualTo(before + 1);
        assertThat(service.queryForObject("SELECT count(*) FROM events.domain_event_entry WHERE globalIndex < 0", Long.class))
                .isZero();
        assertThat(service.queryForObject("SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
                + "WHERE n.nspname = 'events' AND p.proname IN ('next_global_index', 'refuse_validation_commit')", Long.class))
                .as("the validation-only numbering is gone").isZero();
    }
}
