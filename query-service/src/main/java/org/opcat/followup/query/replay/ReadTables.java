package org.opcat.followup.query.replay;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every read table: by convention, every table of schema {@code query} except the token table,
 * Flyway's history and the instances' heartbeat is derived from events and may be emptied and rebuilt. A projector added later
 * is covered without a line here; a table in schema query that must survive a replay would break
 * the convention and has to be named in {@link #KEPT}.
 */
@Component
public class ReadTables {

    public static final String SCHEMA = "query";
    static final List<String> KEPT = List.of("token_entry", "flyway_schema_history", "processor_node");

    private final JdbcTemplate jdbc;

    public ReadTables(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<String> names() {
        return jdbc.queryForList("SELECT table_name FROM information_schema.tables"
                + " WHERE table_schema = ? AND table_type = 'BASE TABLE' AND NOT (table_name = ANY (?))"
                + " ORDER BY table_name", String.class, SCHEMA, KEPT.toArray(String[]::new));
    }

    /**
     * Empties every read table in one statement (foreign keys between them are no obstacle) and
     * restarts their sequences, so a rebuild numbers rows as the first build did. Runs in the
     * caller's transaction: the replay commits it together with the token reset.
     */
    public List<String> truncateAll() {
        List<String> tables = names();
        if (!tables.isEmpty()) {
            jdbc.execute("TRUNCATE TABLE " + tables.stream().map(t -> SCHEMA + ".\"" + t + "\"")
                    .collect(Collectors.joining(", ")) + " RESTART IDENTITY");
        }
        return tables;
    }
}
