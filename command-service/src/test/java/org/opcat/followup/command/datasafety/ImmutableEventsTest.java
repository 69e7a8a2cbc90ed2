package org.opcat.followup.command.datasafety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opcat.followup.command.datasafety.StoreWithServiceRole.insertEvent;

import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stored events cannot be changed: the services' role may only read and insert (privileges), and
 * a trigger refuses changes even to the owner.
 */
class ImmutableEventsTest {

    static JdbcTemplate owner;
    static JdbcTemplate service;

    @BeforeAll
    static void migrateAsOwnerWithAServiceRole() {
        StoreWithServiceRole store = StoreWithServiceRole.migrate();
        owner = store.owner();
        service = store.service();
    }

    @Test
    void theServiceRoleReadsAndAppendsButCannotUpdateDeleteOrTruncate() {
        String aggregate = UUID.randomUUID().toString();
        insertEvent(service, aggregate, 0);
        assertThat(service.queryForObject("SELECT count(*) FROM events.domain_event_entry WHERE aggregateIdentifier = ?",
                Long.class, aggregate)).isEqualTo(1);

        assertThatThrownBy(() -> service.update("UPDATE events.domain_event_entry SET payload = '\\x00' WHERE aggregateIdentifier = ?", aggregate))
                .hasStackTraceContaining("permission denied");
        assertThatThrownBy(() -> service.update("DELETE FROM events.domain_event_entry WHERE aggregateIdentifier = ?", aggregate))
                .hasStackTraceContaining("permission denied");
        assertThatThrownBy(() -> service.execute("TRUNCATE events.domain_event_entry"))
                .hasStackTraceContaining("permission denied");
    }

    @Test
    void theTriggerRefusesChangesEvenToTheOwner() {
        String aggregate = UUID.randomUUID().toString();
        insertEvent(owner, aggregate, 0);
        assertThatThrownBy(() -> owner.update("UPDATE events.domain_event_entry SET payload = '\\x00' WHERE aggregateIdentifier = ?", aggregate))
                .hasStackTraceContaining("stored events are immutable: UPDATE refused");
        assertThatThrownBy(() -> owner.update("DELETE FROM events.domain_event_entry WHERE aggregateIdentifier = ?", aggregate))
                .hasStackTraceContaining("stored events are immutable: DELETE refused");
        assertThatThrownBy(() -> owner.execute("TRUNCATE events.domain_event_entry"))
                .hasStackTraceContaining("stored events are immutable: TRUNCATE refused");
        assertThat(owner.queryForObject("SELECT count(*) FROM events.domain_event_entry WHERE aggregateIdentifier = ?",
                Long.class, aggregate)).isEqualTo(1);
    }
}
