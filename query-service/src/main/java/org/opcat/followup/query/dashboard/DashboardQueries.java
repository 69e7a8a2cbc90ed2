package org.opcat.followup.query.dashboard;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.opcat.followup.events.recommendation.ImplementationStatus;
import org.opcat.followup.events.recommendation.Priority;
import org.opcat.followup.query.dashboard.Dashboard.AgeBucket;
import org.opcat.followup.query.dashboard.Dashboard.Count;
import org.opcat.followup.query.status.Stage;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts the dashboard at query time from the summary table (ages depend on today), in one
 * repeatable-read transaction so every figure comes from the same committed state.
 */
@Repository
public class DashboardQueries {

    private final NamedParameterJdbcTemplate jdbc;

    public DashboardQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Dashboard dashboard(LocalDate date) {
        MapSqlParameterSource p = new MapSqlParameterSource("today", date);
        long[] totals = jdbc.queryForObject(
                "SELECT count(*), count(*) FILTER (WHERE open) FROM recommendation_summary", p,
                (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)});
        return new Dashboard(date, totals[0], totals[1],
                everyValue(Stage.values(), counts("stage", "recommendation_summary s", p)),
                everyValue(ImplementationStatus.values(),
                        counts("implementation_status", "recommendation_summary s", p)),
                jdbc.query("""
                        SELECT CAST(a.id AS text) AS key, au.name, count(*) AS total,
                            count(*) FILTER (WHERE s.open) AS open
                        FROM recommendation_summary s CROSS JOIN unnest(s.addressee_authority_ids) AS a(id)
                        LEFT JOIN authority au ON au.authority_id = a.id
                        GROUP BY a.id, au.name ORDER BY total DESC, au.name, key
                        """, p, (rs, n) -> new Count(rs.getString("key"), rs.getString("name"), rs.getLong("total"),
                                rs.getLong("open"))),
                counts("t.theme", "recommendation_summary s CROSS JOIN unnest(s.themes) AS t(theme)", p),
                counts("COALESCE(pl.type, CASE WHEN s.place_id IS NULL THEN 'NO_PLACE' ELSE 'UNKNOWN' END)",
                        "recommendation_summary s LEFT JOIN place pl ON pl.place_id = s.place_id", p),
                everyValue(Priority.values(), counts("priority", "recommendation_summary s", p)),
                jdbc.queryForObject("""
                        SELECT count(*) FILTER (WHERE :today - issued_on <= 90) AS b1,
                            count(*) FILTER (WHERE :today - issued_on BETWEEN 91 AND 180) AS b2,
                            count(*) FILTER (WHERE :today - issued_on BETWEEN 181 AND 365) AS b3,
                            count(*) FILTER (WHERE :today - issued_on > 365) AS b4
                        FROM recommendation_summary WHERE open
                        """, p, (rs, n) -> List.of(new AgeBucket("0-90", rs.getLong("b1")),
                                new AgeBucket("91-180", rs.getLong("b2")), new AgeBucket("181-365", rs.getLong("b3")),
                                new AgeBucket("over 365", rs.getLong("b4")))));
    }

    private List<Count> counts(String key, String from, MapSqlParameterSource p) {
        return jdbc.query("SELECT " + key + " AS key, count(*) AS total, count(*) FILTER (WHERE s.open) AS open FROM "
                + from + " GROUP BY 1 ORDER BY total DESC, key", p,
                (rs, n) -> new Count(rs.getString("key"), null, rs.getLong("total"), rs.getLong("open")));
    }

    /** Every value of the vocabulary, in its natural order, zero where none: charts keep their axes. */
    private static List<Count> everyValue(Enum<?>[] values, List<Count> counted) {
        Map<String, Count> byKey = counted.stream().collect(Collectors.toMap(Count::key, Function.identity()));
        return Arrays.stream(values).map(v -> byKey.getOrDefault(v.name(), new Count(v.name(), null, 0, 0))).toList();
    }
}
