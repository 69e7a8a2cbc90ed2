package org.opcat.followup.command;

import java.util.Optional;
import java.util.UUID;
import org.opcat.followup.eventstore.EventStoreConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Answers from the event store itself: an aggregate exists when its first event does. The unique
 * (aggregate, sequence) index makes this one index lookup, and no second table can drift from it.
 */
@Component
class EventStoreRegisters implements Registers {

    private static final String FIRST_EVENT_TYPE = "SELECT type FROM " + EventStoreConfiguration.EVENT_TABLE
            + " WHERE aggregateIdentifier = ? AND sequenceNumber = 0";

    private final JdbcTemplate jdbc;

    EventStoreRegisters(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> typeOf(UUID id) {
        return jdbc.queryForList(FIRST_EVENT_TYPE, String.class, id.toString()).stream().findFirst();
    }
}
