package org.opcat.followup.system;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every read table of schema query, one line of text per row, sorted: two builds of the read
 * models compare with equals. Processing bookkeeping (tokens, instance heartbeats, Flyway) is not
 * a read model.
 */
final class ReadModelDump {

    private static final List<String> NOT_READ_MODELS = List.of("token_entry", "flyway_schema_history", "processor_node");

    private ReadModelDump() {
    }

    static Map<String, List<String>> of(DataSource database) {
        JdbcTemplate jdbc = new JdbcTemplate(database);
        Map<String, List<String>> dump = new LinkedHashMap<>();
        for (String table : jdbc.queryForList("SELECT table_name FROM information_schema.tables "
                + "WHERE table_schema = 'query' AND table_type = 'BASE TABLE' ORDER BY 1", String.class)) {
            if (!NOT_READ_MODELS.contains(table)) {
                dump.put(table, jdbc.queryForList("SELECT r::text FROM query.\"" + table + "\" r ORDER BY 1", String.class));
            }
        }
        return dump;
    }

    static long rows(Map<String, List<String>> dump) {
        return dump.values().stream().mapToLong(List::size).sum();
    }
}
