package org.opcat.followup.command.datasafety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opcat.followup.command.datasafety.StoreWithServiceRole.insertEvent;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A transaction that declares itself validation only (an import's dry run) appends events numbered
 * below zero: the global index keeps no hole from it, and such a transaction cannot commit.
 */
class ValidationOnlyAppendsTest {

    static JdbcTemplate service;

    @BeforeAll
    static void migrate() {
        service = StoreWithServiceRole.migrate().service();
    }

    private static long lastIndex() {
        return service.queryForObject("SELECT coalesce(max(globalIndex), 0) FROM events.domain_event_entry", Long.class);
    }

    @Test
    void aRolledBackValidationLeavesNoHoleInTheGlobalIndex() {
        insertEvent(service, UUID.randomUUID().toString(), 0);
        long before = lastIndex();
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(service.getDataSource()));

        List<Long> validationIndexes = transactions.execute(status -> {
            status.setRollbackOnly();
            service.execute("SET LOCAL followup.validation_only = 'on'");
            String aggregate = UUID.randomUUID().toString();
            for (int sequence = 0; sequence < 3; sequence++) {
                insertEvent(service, aggregate, sequence);
            }
            return service.queryForList("SELECT globalIndex FROM events.domain_event_entry WHERE globalIndex < 0 "
                    + "ORDER BY globalIndex DESC", Long.class);
        });
        assertThat(validationIndexes).containsExactly(-1L, -2L, -3L);

        insertEvent(service, UUID.randomUUID().toString(), 0);
        assertThat(lastIndex()).as("the next committed event follows the last one directly").isEqualTo(before + 1);
        assertThat(service.queryForObject("SELECT count(*) FROM events.domain_event_entry WHERE globalIndex < 0", Long.class))
                .isZero();
    }

    @Test
    void aValidationOnlyTransactionCannotCommit() {
        long before = service.queryForObject("SELECT count(*) FROM events.domain_event_entry", Long.class);
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(service.getDataSource()));
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            service.execute("SET LOCAL followup.validation_only = 'on'");
            insertEvent(service, UUID.randomUUID().toString(), 0);
        })).hasStackTraceContaining("appended by a validation-only transaction");
        assertThat(service.queryForObject("SELECT count(*) FROM events.domain_event_entry", Long.class)).isEqualTo(before);
    }
}
