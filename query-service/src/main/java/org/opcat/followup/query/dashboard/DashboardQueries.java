package org.opcat.followup.query.dashboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.opcat.followup.events.recommendation.ImplementationStatus;
import org.opcat.followup.events.recommendation.Priority;
import org.opcat.followup.query.ReadModels;
import org.opcat.followup.query.dashboard.Dashboard.AgeBucket;
import org.opcat.followup.query.dashboard.Dashboard.Count;
import org.opcat.followup.query.status.Stage;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Counts the dashboard at query time from the summary table (ages depend on today) in one
 * statement, so every figure comes from the same snapshot. The table is read once: the summaries
 * are first grouped by every key the figures need (a few thousand groups where there are 100,000
 * rows; read from the covering index of V100 without touching the table), and each figure sums
 * those groups. It used to be eight statements, each a scan of the whole table.
 */
@Repository
public class DashboardQueries {

    private static final String COUNTS = """
            WITH g AS MATERIALIZED (
                SELECT stage, implementation_status, priority, place_id, themes, addressee_authority_ids, open,
                    CASE WHEN NOT open THEN NULL
                        WHEN :today - issued_on <= 90 THEN '0-90'
                        WHEN :today - issued_on <= 180 THEN '91-180'
                        WHEN :today - issued_on <= 365 THEN '181-365'
                        ELSE 'over 365' END AS age,
                    count(*) AS n
                FROM recommendation_summary
                GROUP BY stage, implementation_status, priority, place_id, themes, addressee_authority_ids, open, age)
            SELECT 0 AS figure, NULL AS key, NULL AS name, sum(n) AS total, sum(n) FILTER (WHERE open) AS open FROM g
            UNION ALL
            SELECT 1, stage, NULL, sum(n), sum(n) FILTER (WHERE open) FROM g GROUP BY stage
            UNION ALL
            SELECT 2, implementation_status, NULL, sum(n), sum(n) FILTER (WHERE open) FROM g
            GROUP BY implementation_status
            UNION ALL
            SELECT 3, CAST(a.id AS text), au.name, sum(n), sum(n) FILTER (WHERE open)
            FROM g CROSS JOIN unnest(g.addressee_authority_ids) AS a(id)
            LEFT JOIN authority au ON au.authority_id = a.id
            GROUP BY a.id, au.name
            UNION ALL
            SELECT 4, t.theme, NULL, sum(n), sum(n) FILTER (WHERE open) FROM g CROSS JOIN unnest(g.themes) AS t(theme)
            GROUP BY t.theme
            UNION ALL
            SELECT 5, COALESCE(pl.type, CASE WHEN g.place_id IS NULL THEN 'NO_PLACE' ELSE 'UNKNOWN' END), NULL,
                sum(n), sum(n) FILTER (WHERE open)
            FROM g LEFT JOIN place pl ON pl.place_id = g.place_id
            GROUP BY 2
            UNION ALL
            SELECT 6, priority, NULL, sum(n), sum(n) FILTER (WHERE open) FROM g GROUP BY priority
            UNION ALL
            SELECT 7, age, NULL, sum(n), NULL FROM g WHERE open GROUP BY age
            ORDER BY figure, total DESC, name, key
            """;

    private static final List<String> AGES = List.of("0-90", "91-180", "181-365", "over 365");

    /**
     * Where the read models stand: every segment's stored token. The processor stores a segment's
     * token in the transaction that writes that batch's rows, so the same tokens mean the same rows.
     */
    private static final String READ_MODEL_STATE = """
            SELECT string_agg(segment || ':' || md5(coalesce(token, ''::bytea)), ',' ORDER BY segment)
            FROM query.token_entry WHERE processorname = :processor
            """;

    /** The last dashboard counted, and for which day and state of the read models. */
    private record Counted(LocalDate date, String readModelState, Dashboard dashboard) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final AtomicReference<Counted> latest = new AtomicReference<>();

    public DashboardQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Counted again only when a batch of events has been projected since the last count, or the
     * day has changed (the ages): the dashboard is the page managers open most, and an NPM records
     * a few facts an hour. The state is read before counting, so a batch that commits meanwhile at
     * worst makes the next request count again; a count older than the state it is served for is
     * never returned.
     */
    public Dashboard dashboard(LocalDate date) {
        String state = jdbc.queryForObject(READ_MODEL_STATE,
                new MapSqlParameterSource("processor", ReadModels.PROCESSING_GROUP), String.class);
        Counted known = latest.get();
        if (known != null && state != null && known.date().equals(date) && known.readModelState().equals(state)) {
            return known.dashboard();
        }
        Dashboard counted = count(date);
        if (state != null) {
            latest.set(new Counted(date, state, counted));
        }
        return counted;
    }

    private Dashboard count(LocalDate date) {
        List<List<Count>> figures = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            figures.add(new ArrayList<>());
        }
        jdbc.query(COUNTS, new MapSqlParameterSource("today", date), (RowCallbackHandler) rs ->
                figures.get(rs.getInt("figure")).add(new Count(rs.getString("key"), rs.getString("name"),
                        rs.getLong("total"), rs.getLong("open"))));
        Count totals = figures.get(0).get(0);
        Map<String, Count> ages = byKey(figures.get(7));
        return new Dashboard(date, totals.total(), totals.open(),
                everyValue(Stage.values(), figures.get(1)),
                everyValue(ImplementationStatus.values(), figures.get(2)),
                figures.get(3),
                figures.get(4),
                figures.get(5),
                everyValue(Priority.values(), figures.get(6)),
                AGES.stream().map(age -> new AgeBucket(age, ages.containsKey(age) ? ages.get(age).total() : 0))
                        .toList());
    }

    private static Map<String, Count> byKey(List<Count> counted) {
        return counted.stream().collect(Collectors.toMap(Count::key, Function.identity()));
    }

    /** Every value of the vocabulary, in its natural order, zero where none: charts keep their axes. */
    private static List<Count> everyValue(Enum<?>[] values, List<Count> counted) {
        Map<String, Count> byKey = byKey(counted);
        return Arrays.stream(values).map(v -> byKey.getOrDefault(v.name(), new Count(v.name(), null, 0, 0))).toList();
    }
}
