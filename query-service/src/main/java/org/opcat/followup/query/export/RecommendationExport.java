package org.opcat.followup.query.export;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.opcat.followup.query.SlicedList;
import org.opcat.followup.query.recommendations.RecommendationFilter;
import org.opcat.followup.query.recommendations.RecommendationQueries;
import org.opcat.followup.spreadsheet.Sheet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A filtered list of recommendations in the import layout (docs/spreadsheet-layout.md): the
 * recommendations GET /api/recommendations selects, in its order, with authorities and places
 * written by name, as the import matches them. The rows are read a slice of recommendations at a
 * time while the writer writes them, so no sheet is ever whole in memory; only the selected ids are.
 */
@Component
class RecommendationExport {

    /** Recommendations whose rows are read per round trip (one query per table and slice). */
    static final int CHUNK = 500;

    /** The default of {@code followup.export.max-rows}. */
    static final long MAX_ROWS = 200_000;

    private final RecommendationQueries queries;
    private final NamedParameterJdbcTemplate jdbc;
    private final long maxRows;

    RecommendationExport(RecommendationQueries queries, NamedParameterJdbcTemplate jdbc,
            @Value("${followup.export.max-rows:" + MAX_ROWS + "}") long maxRows) {
        this.queries = queries;
        this.jdbc = jdbc;
        this.maxRows = maxRows;
    }

    /**
     * Counts the selected recommendations and refuses ({@link TooManyRows}) above the limit before
     * anything else is read; then hands the sheets to {@code write}, which must write them before it
     * returns. One repeatable-read snapshot, so slices cannot skip or repeat a recommendation that
     * changes meanwhile.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public void sheets(RecommendationFilter filter, String orderBy, LocalDate today,
            Consumer<Map<Sheet, List<Map<String, String>>>> write) {
        long selected = queries.count(filter, today);
        if (selected > maxRows) {
            throw new TooManyRows(selected, maxRows);
        }
        List<UUID> ids = queries.ids(filter, orderBy, today);
        Map<UUID, String> authorities = names("SELECT authority_id, name FROM authority");
        Map<UUID, String> places = names("SELECT place_id, name FROM place");
        Map<Sheet, List<Map<String, String>>> sheets = new EnumMap<>(Sheet.class);
        sheets.put(Sheet.RECOMMENDATIONS, new SlicedList<>(ids, CHUNK, slice -> recommendations(slice, authorities, places)));
        sheets.put(Sheet.RESPONSES, new SlicedList<>(ids, CHUNK, slice -> responses(slice, authorities)));
        sheets.put(Sheet.ACTION_PLANS, new SlicedList<>(ids, CHUNK, slice -> actionPlans(slice, authorities)));
        sheets.put(Sheet.FOLLOW_UP_VISITS, new SlicedList<>(ids, CHUNK, slice -> followUpVisits(slice, places)));
        write.accept(sheets);
    }

    private List<Map<String, String>> recommendations(List<UUID> slice, Map<UUID, String> authorities,
            Map<UUID, String> places) {
        Map<UUID, Map<String, String>> byId = new HashMap<>();
        jdbc.query("""
                SELECT s.recommendation_id, s.reference, s.title, s.language, s.issued_on, s.place_id,
                       s.addressee_authority_ids, s.themes, s.scope, s.priority, s.response_due_on, s.confidential,
                       d.text, d.source_kind, d.source_document_reference, d.standards
                  FROM recommendation_summary s JOIN recommendation_detail d USING (recommendation_id)
                 WHERE s.recommendation_id = ANY(:ids)""", ids(slice), rs -> {
                    UUID place = rs.getObject("place_id", UUID.class);
                    Map<String, String> rec = new LinkedHashMap<>();
                    rec.put("reference", rs.getString("reference"));
                    rec.put("title", rs.getString("title"));
                    rec.put("text", rs.getString("text"));
                    rec.put("language", rs.getString("language"));
                    rec.put("issuedOn", date(rs, "issued_on"));
                    rec.put("sourceKind", rs.getString("source_kind"));
                    rec.put("documentReference", rs.getString("source_document_reference"));
                    rec.put("place", place == null ? null : places.get(place));
                    rec.put("addressees", array(rs, "addressee_authority_ids", UUID[].class).stream()
                            .map(authorities::get).filter(Objects::nonNull)
                            .collect(Collectors.joining(Sheet.LIST_SEPARATOR)));
                    rec.put("themes", String.join(Sheet.LIST_SEPARATOR, array(rs, "themes", String[].class)));
                    rec.put("scope", rs.getString("scope"));
                    rec.put("priority", rs.getString("priority"));
                    rec.put("standards", String.join(Sheet.LIST_SEPARATOR, array(rs, "standards", String[].class)));
                    rec.put("responseDueOn", date(rs, "response_due_on"));
                    rec.put("confidential", String.valueOf(rs.getBoolean("confidential")));
                    byId.put(rs.getObject("recommendation_id", UUID.class), rec);
                });
        List<Map<String, String>> rows = new ArrayList<>(slice.size());
        for (UUID id : slice) {
            Map<String, String> rec = byId.get(id);
            if (rec != null) {
                rows.add(rec);
            }
        }
        return rows;
    }

    private List<Map<String, String>> responses(List<UUID> slice, Map<UUID, String> authorities) {
        Map<UUID, String> references = references(slice);
        Map<UUID, List<Map<String, String>>> byId = new HashMap<>();
        jdbc.query("SELECT * FROM recommendation_response WHERE recommendation_id = ANY(:ids)"
                + " ORDER BY recommendation_id, received_on, sequence_number", ids(slice), rs -> {
                    UUID id = rs.getObject("recommendation_id", UUID.class);
                    Map<String, String> row = new LinkedHashMap<>();
                    row.put("reference", references.get(id));
                    row.put("authority", authorities.get(rs.getObject("authority_id", UUID.class)));
                    row.put("receivedOn", date(rs, "received_on"));
                    row.put("channel", rs.getString("channel"));
                    row.put("position", rs.getString("position"));
                    row.put("text", rs.getString("text"));
                    row.put("documentReference", rs.getString("document_reference"));
                    byId.computeIfAbsent(id, k -> new ArrayList<>()).add(row);
                });
        return inOrder(slice, byId);
    }

    /** One row per measure, the plans of a recommendation in filing order, measures in their order. */
    private List<Map<String, String>> actionPlans(List<UUID> slice, Map<UUID, String> authorities) {
        Map<UUID, String> references = references(slice);
        record Plan(UUID recommendationId, UUID actionPlanId, UUID authorityId, String filedOn) {
        }
        List<Plan> plans = new ArrayList<>();
        jdbc.query("SELECT * FROM action_plan WHERE recommendation_id = ANY(:ids)"
                + " ORDER BY recommendation_id, filed_on, sequence_number", ids(slice), rs -> {
                    plans.add(new Plan(rs.getObject("recommendation_id", UUID.class),
                            rs.getObject("action_plan_id", UUID.class), rs.getObject("authority_id", UUID.class),
                            date(rs, "filed_on")));
                });
        Map<UUID, List<Map<String, String>>> measures = new HashMap<>();
        jdbc.query("SELECT * FROM action_plan_measure WHERE action_plan_id = ANY(:ids) ORDER BY action_plan_id, ordinal",
                ids(plans.stream().map(Plan::actionPlanId).toList()), rs -> {
                    Map<String, String> measure = new LinkedHashMap<>();
                    measure.put("measure", rs.getString("description"));
                    measure.put("responsibleUnit", rs.getString("responsible_unit"));
                    measure.put("targetDate", date(rs, "target_date"));
                    measures.computeIfAbsent(rs.getObject("action_plan_id", UUID.class), k -> new ArrayList<>())
                            .add(measure);
                });
        Map<UUID, List<Map<String, String>>> byId = new HashMap<>();
        for (Plan plan : plans) {
            for (Map<String, String> measure : measures.getOrDefault(plan.actionPlanId(), List.of())) {
                Map<String, String> row = new LinkedHashMap<>();
                row.put("reference", references.get(plan.recommendationId()));
                // The plan's own id: importing the export again recognizes the plan instead of adding a copy.
                row.put("planKey", plan.actionPlanId().toString());
                row.put("authority", authorities.get(plan.authorityId()));
                row.put("filedOn", plan.filedOn());
                row.putAll(measure);
                byId.computeIfAbsent(plan.recommendationId(), k -> new ArrayList<>()).add(row);
            }
        }
        return inOrder(slice, byId);
    }

    private List<Map<String, String>> followUpVisits(List<UUID> slice, Map<UUID, String> places) {
        Map<UUID, String> references = references(slice);
        Map<UUID, List<Map<String, String>>> byId = new HashMap<>();
        jdbc.query("SELECT * FROM follow_up_visit WHERE recommendation_id = ANY(:ids)"
                + " ORDER BY recommendation_id, visited_on, sequence_number", ids(slice), rs -> {
                    UUID id = rs.getObject("recommendation_id", UUID.class);
                    UUID place = rs.getObject("place_id", UUID.class);
                    Map<String, String> row = new LinkedHashMap<>();
                    row.put("reference", references.get(id));
                    row.put("visitedOn", date(rs, "visited_on"));
                    row.put("place", place == null ? null : places.get(place));
                    row.put("findings", rs.getString("findings"));
                    row.put("assessedStatus", rs.getString("assessed_status"));
                    byId.computeIfAbsent(id, k -> new ArrayList<>()).add(row);
                });
        return inOrder(slice, byId);
    }

    private Map<UUID, String> references(List<UUID> slice) {
        Map<UUID, String> references = new HashMap<>();
        jdbc.query("SELECT recommendation_id, reference FROM recommendation_summary WHERE recommendation_id = ANY(:ids)",
                ids(slice), rs -> {
                    references.put(rs.getObject(1, UUID.class), rs.getString(2));
                });
        return references;
    }

    private static List<Map<String, String>> inOrder(List<UUID> slice, Map<UUID, List<Map<String, String>>> byId) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (UUID id : slice) {
            rows.addAll(byId.getOrDefault(id, List.of()));
        }
        return rows;
    }

    private static MapSqlParameterSource ids(List<UUID> ids) {
        return new MapSqlParameterSource("ids", ids.toArray(UUID[]::new));
    }

    private Map<UUID, String> names(String sql) {
        Map<UUID, String> names = new HashMap<>();
        jdbc.getJdbcTemplate().query(sql, rs -> {
            names.put(rs.getObject(1, UUID.class), rs.getString(2));
        });
        return names;
    }

    private static String date(ResultSet rs, String column) throws SQLException {
        LocalDate date = rs.getObject(column, LocalDate.class);
        return date == null ? null : date.toString();
    }

    private static <T> List<T> array(ResultSet rs, String column, Class<T[]> type) throws SQLException {
        java.sql.Array array = rs.getArray(column);
        return array == null ? List.of() : Arrays.asList(type.cast(array.getArray()));
    }

    static class TooManyRows extends RuntimeException {
        private final long rows;
        private final long maxRows;

        TooManyRows(long rows, long maxRows) {
            super("these filters select " + rows + " recommendations, more than the " + maxRows
                    + " an export holds: narrow them (issuedFrom and issuedTo, authorityId, theme, ...) and export"
                    + " the parts one by one");
            this.rows = rows;
            this.maxRows = maxRows;
        }

        long rows() {
            return rows;
        }

        long maxRows() {
            return maxRows;
        }
    }
}
