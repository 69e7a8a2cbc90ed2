package org.opcat.followup.query.recommendations;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.opcat.followup.query.http.Page;
import org.opcat.followup.query.http.PageRequest;
import org.opcat.followup.query.status.ResponseDeadline;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads recommendation summaries. Every client value is a bind parameter; the q words are matched
 * with {@code strpos}, so {@code %}, {@code _}, quotes and backslashes are plain characters (the
 * LIKE that finds candidates in the trigram index escapes them).
 */
@Repository
public class RecommendationQueries {

    /** Columns of a summary, with responseOverdue computed for the :today parameter. */
    static final String SUMMARY_COLUMNS = "s.*, " + ResponseDeadline.OVERDUE_SQL + " AS response_overdue";

    /** The authority and every body under it, at any depth; UNION (not ALL) stops on a cycle. */
    public static final String SUPERVISED_AUTHORITIES = """
            WITH RECURSIVE supervised(id) AS (
                SELECT CAST(:authorityId AS uuid)
                UNION
                SELECT a.authority_id FROM authority a JOIN supervised ON a.parent_authority_id = supervised.id)
            SELECT id FROM supervised""";

    private final NamedParameterJdbcTemplate jdbc;

    public RecommendationQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Page<RecommendationSummary> list(RecommendationFilter filter, PageRequest page, String orderBy,
            LocalDate today) {
        MapSqlParameterSource p = new MapSqlParameterSource("today", today);
        String where = where(filter, p);
        p.addValue("limit", page.size()).addValue("offset", page.offset());
        // The page's ids first, from the filter columns only: in the default order an index-only
        // scan of recommendation_summary_issued (V100), which carries them all, so rows that do not
        // match are skipped without reading the table. Then the rows of that page.
        List<RecommendationSummary> content = jdbc.query("SELECT " + SUMMARY_COLUMNS
                + " FROM recommendation_summary s WHERE s.recommendation_id IN (SELECT s.recommendation_id"
                + " FROM recommendation_summary s" + where + " ORDER BY " + orderBy + " LIMIT :limit OFFSET :offset)"
                + " ORDER BY " + orderBy, p, SUMMARY);
        if (!SearchText.words(filter.q()).isEmpty() && !content.isEmpty()) {
            content = withMatches(content, filter.q());
        }
        return Page.of(content, page, total(content.size(), page, where, p));
    }

    /** Says, for each recommendation of a page found by {@code q}, where its words were found. */
    private List<RecommendationSummary> withMatches(List<RecommendationSummary> content, String q) {
        List<String> words = SearchText.words(q);
        MapSqlParameterSource p = new MapSqlParameterSource("ids", content.stream().map(RecommendationSummary::recommendationId)
                .toArray(UUID[]::new));
        List<String> matches = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            matches.add("strpos(x.search_text, CAST(:q" + i + " AS text)) > 0");
            p.addValue("q" + i, words.get(i));
        }
        String all = String.join(" AND ", matches);
        Map<UUID, List<String>> where = new java.util.HashMap<>();
        jdbc.query("SELECT x.recommendation_id, 'recommendation' AS place, 0 AS version FROM recommendation_search x"
                + " WHERE x.recommendation_id = ANY (:ids) AND " + all
                + " UNION ALL SELECT x.recommendation_id, 'document:' || x.title, x.version FROM document x"
                + " WHERE x.recommendation_id = ANY (:ids) AND " + all + " ORDER BY 1, 3", p,
                rs -> {
                    where.computeIfAbsent(rs.getObject(1, UUID.class), id -> new ArrayList<>()).add(rs.getString(2));
                });
        return content.stream().map(s -> s.withMatchedIn(where.getOrDefault(s.recommendationId(), List.of()))).toList();
    }

    /**
     * The exact number of matches. A page that is not full ends the list, so it tells the total
     * without counting; only a full page, or one past the end, needs the count (which at 100,000
     * summaries costs far more than the page: docs/query-api.md, "Speed").
     */
    private long total(int onPage, PageRequest page, String where, MapSqlParameterSource p) {
        if (onPage > 0 && onPage < page.size() || onPage == 0 && page.offset() == 0) {
            return page.offset() + onPage;
        }
        Long total = jdbc.queryForObject("SELECT count(*) FROM recommendation_summary s" + where, p, Long.class);
        return total == null ? 0 : total;
    }

    /** How many recommendations the filter selects. */
    public long count(RecommendationFilter filter, LocalDate today) {
        MapSqlParameterSource p = new MapSqlParameterSource("today", today);
        Long count = jdbc.queryForObject("SELECT count(*) FROM recommendation_summary s" + where(filter, p), p,
                Long.class);
        return count == null ? 0 : count;
    }

    /**
     * The ids of every recommendation the filter selects, in the list's order: all its pages in
     * one read (an export; {@link #count} first tells whether that is sensible).
     */
    public List<UUID> ids(RecommendationFilter filter, String orderBy, LocalDate today) {
        MapSqlParameterSource p = new MapSqlParameterSource("today", today);
        return jdbc.queryForList("SELECT s.recommendation_id FROM recommendation_summary s" + where(filter, p)
                + " ORDER BY " + orderBy, p, UUID.class);
    }

    public Optional<RecommendationSummary> summary(UUID id, LocalDate today) {
        return jdbc.query("SELECT " + SUMMARY_COLUMNS + " FROM recommendation_summary s WHERE recommendation_id = :id",
                new MapSqlParameterSource("id", id).addValue("today", today), SUMMARY).stream().findFirst();
    }

    private String where(RecommendationFilter f, MapSqlParameterSource p) {
        List<String> conditions = new ArrayList<>();
        if (f.stage() != null && !f.stage().isEmpty()) {
            conditions.add("stage IN (:stage)");
            p.addValue("stage", f.stage().stream().map(Enum::name).toList());
        }
        if (f.open() != null) {
            conditions.add("open = :open");
            p.addValue("open", f.open());
        }
        if (f.implementationStatus() != null && !f.implementationStatus().isEmpty()) {
            conditions.add("implementation_status IN (:implementationStatus)");
            p.addValue("implementationStatus", f.implementationStatus().stream().map(Enum::name).toList());
        }
        if (f.authorityId() != null) {
            conditions.add("addressee_authority_ids && " + uuidArray(supervised(f.authorityId())));
        }
        if (f.placeId() != null) {
            conditions.add("place_id = :placeId");
            p.addValue("placeId", f.placeId());
        }
        if (f.theme() != null && !f.theme().isBlank()) {
            conditions.add("CAST(:theme AS text) = ANY (themes)");
            p.addValue("theme", f.theme().trim().toLowerCase(Locale.ROOT));
        }
        if (f.priority() != null && !f.priority().isEmpty()) {
            conditions.add("priority IN (:priority)");
            p.addValue("priority", f.priority().stream().map(Enum::name).toList());
        }
        if (f.responseOverdue() != null) {
            conditions.add(f.responseOverdue() ? ResponseDeadline.OVERDUE_SQL : ResponseDeadline.NOT_OVERDUE_SQL);
        }
        if (f.issuedFrom() != null) {
            conditions.add("issued_on >= :issuedFrom");
            p.addValue("issuedFrom", f.issuedFrom());
        }
        if (f.issuedTo() != null) {
            conditions.add("issued_on <= :issuedTo");
            p.addValue("issuedTo", f.issuedTo());
        }
        List<String> words = SearchText.words(f.q());
        if (!words.isEmpty()) {
            // On recommendation_search (V101: the summary's search text, kept by triggers), so the
            // other filters still need nothing but the index. The LIKE finds candidates in its
            // trigram index; strpos is the rule.
            List<String> matches = new ArrayList<>();
            for (int i = 0; i < words.size(); i++) {
                if (SearchText.hasTrigram(words.get(i))) {
                    matches.add("x.search_text LIKE CAST(:like" + i + " AS text)");
                    p.addValue("like" + i, "%" + SearchText.likeEscaped(words.get(i)) + "%");
                }
                matches.add("strpos(x.search_text, CAST(:q" + i + " AS text)) > 0");
                p.addValue("q" + i, words.get(i));
            }
            // Or every word in one of its documents (query.document, V106: their words, normalized
            // alike, with a trigram index of their own).
            conditions.add("(recommendation_id IN (SELECT x.recommendation_id FROM recommendation_search x WHERE "
                    + String.join(" AND ", matches) + ") OR recommendation_id IN (SELECT x.recommendation_id"
                    + " FROM document x WHERE " + String.join(" AND ", matches) + "))");
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    /** The authority and every body it supervises, at any depth (the register has tens of rows). */
    private List<UUID> supervised(UUID authorityId) {
        return jdbc.queryForList(SUPERVISED_AUTHORITIES, new MapSqlParameterSource("authorityId", authorityId),
                UUID.class);
    }

    /**
     * The ids as a literal, not a bind parameter: the planner then estimates from the column's
     * element statistics how many rows they cover (a ministry: maybe all; an administration: a
     * few per cent) and picks the plan for that, where a parameter or a subquery gets one generic
     * guess for both. Safe to inline: {@link UUID#toString()} is hex digits and dashes only.
     */
    static String uuidArray(List<UUID> ids) {
        StringBuilder literal = new StringBuilder("CAST('{");
        for (int i = 0; i < ids.size(); i++) {
            literal.append(i == 0 ? "" : ",").append(ids.get(i).toString());
        }
        return literal.append("}' AS uuid[])").toString();
    }

    static final RowMapper<RecommendationSummary> SUMMARY = (rs, n) -> new RecommendationSummary(
            rs.getObject("recommendation_id", UUID.class),
            rs.getString("reference"),
            rs.getString("title"),
            rs.getString("language"),
            rs.getObject("issued_on", LocalDate.class),
            rs.getObject("place_id", UUID.class),
            uuids(rs.getArray("addressee_authority_ids")),
            strings(rs.getArray("themes")),
            rs.getString("scope"),
            rs.getString("priority"),
            rs.getBoolean("confidential"),
            rs.getString("stage"),
            rs.getBoolean("open"),
            rs.getString("implementation_status"),
            rs.getString("authority_position"),
            rs.getObject("response_due_on", LocalDate.class),
            rs.getBoolean("response_overdue"),
            rs.getObject("last_activity_on", LocalDate.class),
            rs.getLong("version"),
            List.of());

    static List<UUID> uuids(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((UUID[]) array.getArray());
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }
}
