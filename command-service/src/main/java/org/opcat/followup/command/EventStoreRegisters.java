package org.opcat.followup.command;

import java.util.List;
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
    public boolean hasAuthority(UUID authorityId) {
        return is(authorityId, "Authority");
    }

    @Override
    public boolean hasPlace(UUID placeId) {
        return is(placeId, "PlaceOfDetention");
    }

    @Override
    public boolean hasRecommendation(UUID recommendationId) {
        return is(recommendationId, "Recommendation");
    }

    private boolean is(UUID id, String aggregateType) {
        List<String> types = jdbc.queryForList(FIRST_EVENT_TYPE, String.class, id.toString());
        return types.contains(aggregateType);
    }
}
