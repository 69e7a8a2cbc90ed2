package org.opcat.followup.query.processing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opcat.followup.query.replay.ReadTables;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every read table of schema query as text: one line per row (PostgreSQL's own row-to-text), rows
 * sorted, so two builds of the read models compare with equals, whatever order they were written in.
 */
public final class ReadTableDump {

    private ReadTableDump() {
    }

    public static Map<String, List<String>> of(QueryServiceInstance instance) {
        JdbcTemplate jdbc = instance.bean(JdbcTemplate.class);
        Map<String, List<String>> dump = new LinkedHashMap<>();
        for (String table : instance.bean(ReadTables.class).names()) {
            dump.put(table, jdbc.queryForList("SELECT r::text FROM " + ReadTables.SCHEMA + ".\"" + table
                    + "\" r ORDER BY 1", String.class));
        }
        return dump;
    }

    public static long rows(Map<String, List<String>> dump) {
        return dump.values().stream().mapToLong(List::size).sum();
    }
}
