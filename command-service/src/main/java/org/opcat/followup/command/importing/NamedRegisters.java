package org.opcat.followup.command.importing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opcat.followup.command.recommendation.ReferenceKey;
import org.opcat.followup.events.AggregateTypes;
import org.opcat.followup.eventstore.EventStoreConfiguration;
import org.opcat.followup.spreadsheet.Names;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Authorities and places by name, and recommendations by reference, as the event store has them.
 * Names come straight from the registration events (first event of each Authority and
 * PlaceOfDetention aggregate): no second table that could drift, and registers hold hundreds of
 * rows, not millions, so reading them once per import is cheap.
 */
@Component
class NamedRegisters {

    private static final String REGISTERED = "SELECT aggregateIdentifier AS id, type, "
            + "convert_from(payload, 'UTF8')::json ->> 'name' AS name FROM " + EventStoreConfiguration.EVENT_TABLE
            + " WHERE sequenceNumber = 0 AND type IN ('" + AggregateTypes.AUTHORITY + "', '"
            + AggregateTypes.PLACE_OF_DETENTION + "')";

    /** Every record registered under one normalized name (more than one makes the name ambiguous). */
    record Snapshot(Map<String, List<UUID>> authorities, Map<String, List<UUID>> places, Map<String, UUID> references) {

        /** The recommendation that holds a reference (however it was recorded), if any. */
        Optional<UUID> recommendation(String reference) {
            return Optional.ofNullable(references.get(ReferenceKey.of(reference)));
        }

        Optional<List<UUID>> authority(String name) {
            return Optional.ofNullable(authorities.get(Names.key(name)));
        }

        Optional<List<UUID>> place(String name) {
            return Optional.ofNullable(places.get(Names.key(name)));
        }
    }

    private final JdbcTemplate jdbc;

    NamedRegisters(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The last committed event's global index: unchanged means nothing was recorded meanwhile. */
    long eventStoreMark() {
        Long mark = jdbc.queryForObject("SELECT max(globalIndex) FROM " + EventStoreConfiguration.EVENT_TABLE, Long.class);
        return mark == null ? 0 : mark;
    }

    Snapshot snapshot() {
        Map<String, List<UUID>> authorities = new HashMap<>();
        Map<String, List<UUID>> places = new HashMap<>();
        jdbc.query(REGISTERED, rs -> {
            Map<String, List<UUID>> register = AggregateTypes.AUTHORITY.equals(rs.getString("type")) ? authorities : places;
            String name = rs.getString("name");
            if (name != null) {
                register.computeIfAbsent(Names.key(name), k -> new ArrayList<>()).add(UUID.fromString(rs.getString("id")));
            }
        });
        Map<String, UUID> references = new HashMap<>();
        // Keys as ReferenceKey made them: a reference given through the API is found by the import too.
        jdbc.query("SELECT reference, recommendation_id FROM events.recommendation_reference",
                rs -> { references.put(rs.getString(1), rs.getObject(2, UUID.class)); });
        return new Snapshot(authorities, places, references);
    }
}
