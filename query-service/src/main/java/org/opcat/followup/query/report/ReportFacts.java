package org.opcat.followup.query.report;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.opcat.followup.events.recommendation.Channel;
import org.opcat.followup.events.recommendation.ImplementationStatus;
import org.opcat.followup.events.recommendation.Position;
import org.opcat.followup.events.recommendation.Priority;
import org.opcat.followup.events.recommendation.WithdrawalReason;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads the dated read model for one {@link ReportPeriod}: both axes are plain filters
 * ({@code recorded_at <= knownAt}, business date {@code <= asOf}), nothing is folded in SQL. The
 * bulk reads leave texts out; {@link #texts} and {@link #factTexts} fetch them for the few rows a
 * report shows. Callers run these in one read-only repeatable-read transaction so all reads see one
 * snapshot.
 */
@Repository
class ReportFacts {

    /** Rows per round trip: the bulk reads stream through a cursor instead of buffering every row. */
    private static final int FETCH_SIZE = 5_000;

    private final NamedParameterJdbcTemplate jdbc;

    ReportFacts(DataSource dataSource) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(FETCH_SIZE);
        this.jdbc = new NamedParameterJdbcTemplate(template);
    }

    /** Every recommendation issued on or before asOf and known at knownAt, with its known events up to asOf. */
    Map<UUID, RecommendationTimeline> timelines(ReportPeriod period) {
        MapSqlParameterSource p = new MapSqlParameterSource("asOf", period.asOf())
                .addValue("knownAt", Timestamp.from(period.knownAt()));
        Map<UUID, RecommendationTimeline> timelines = new LinkedHashMap<>();
        jdbc.query("""
                SELECT recommendation_id, reference, issued_on, priority, confidential, addressee_ids
                FROM report_recommendation WHERE recorded_at <= :knownAt AND issued_on <= :asOf
                """, p, rs -> {
                    UUID id = rs.getObject("recommendation_id", UUID.class);
                    timelines.put(id, new RecommendationTimeline(new IssuedRecommendation(id, rs.getString("reference"),
                            rs.getObject("issued_on", LocalDate.class), Priority.valueOf(rs.getString("priority")),
                            rs.getBoolean("confidential"), uuids(rs.getArray("addressee_ids")))));
                });
        jdbc.query("""
                SELECT recommendation_id, sequence_number, business_date, kind, authority_id, position, channel,
                    status, reason
                FROM report_fact WHERE recorded_at <= :knownAt AND business_date <= :asOf
                ORDER BY recommendation_id, sequence_number
                """, p, rs -> {
                    RecommendationTimeline timeline = timelines.get(rs.getObject("recommendation_id", UUID.class));
                    if (timeline != null) {
                        timeline.add(fact(rs));
                    }
                });
        return timelines;
    }

    Map<UUID, String> authorityNames() {
        Map<UUID, String> names = new HashMap<>();
        jdbc.query("SELECT authority_id, name FROM authority", rs -> {
            names.put(rs.getObject("authority_id", UUID.class), rs.getString("name"));
        });
        return names;
    }

    /** Title and text of the given recommendations. */
    Map<UUID, String[]> texts(Collection<UUID> recommendationIds) {
        Map<UUID, String[]> texts = new HashMap<>();
        if (recommendationIds.isEmpty()) {
            return texts;
        }
        jdbc.query("SELECT recommendation_id, title, text FROM report_recommendation"
                + " WHERE recommendation_id = ANY(:ids)",
                new MapSqlParameterSource("ids", recommendationIds.toArray(UUID[]::new)),
                rs -> {
                    texts.put(rs.getObject("recommendation_id", UUID.class),
                            new String[] {rs.getString("title"), rs.getString("text")});
                });
        return texts;
    }

    /** Text and document reference of the given facts, by fact. */
    Map<RecordedFact, String[]> factTexts(Collection<RecordedFact> facts) {
        Map<RecordedFact, String[]> texts = new HashMap<>();
        if (facts.isEmpty()) {
            return texts;
        }
        record Key(UUID recommendationId, long sequenceNumber) {
        }
        Map<Key, RecordedFact> byKey = new HashMap<>();
        for (RecordedFact fact : facts) {
            byKey.put(new Key(fact.recommendationId(), fact.sequenceNumber()), fact);
        }
        MapSqlParameterSource p = new MapSqlParameterSource()
                .addValue("ids", facts.stream().map(RecordedFact::recommendationId).toArray(UUID[]::new))
                .addValue("sequences", facts.stream().map(RecordedFact::sequenceNumber).toArray(Long[]::new));
        jdbc.query("""
                SELECT f.recommendation_id, f.sequence_number, f.text, f.document_reference
                FROM unnest(CAST(:ids AS uuid[]), CAST(:sequences AS bigint[])) AS k(recommendation_id, sequence_number)
                JOIN report_fact f USING (recommendation_id, sequence_number)
                """, p, rs -> {
                    RecordedFact fact = byKey.get(new Key(rs.getObject("recommendation_id", UUID.class),
                            rs.getLong("sequence_number")));
                    texts.put(fact, new String[] {rs.getString("text"), rs.getString("document_reference")});
                });
        return texts;
    }

    private static RecordedFact fact(ResultSet rs) throws SQLException {
        return new RecordedFact(rs.getObject("recommendation_id", UUID.class), rs.getLong("sequence_number"),
                rs.getObject("business_date", LocalDate.class), EventKind.valueOf(rs.getString("kind")),
                rs.getObject("authority_id", UUID.class), enumOf(Position.class, rs.getString("position")),
                enumOf(Channel.class, rs.getString("channel")),
                enumOf(ImplementationStatus.class, rs.getString("status")),
                enumOf(WithdrawalReason.class, rs.getString("reason")));
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    private static List<UUID> uuids(Array array) throws SQLException {
        return Arrays.asList((UUID[]) array.getArray());
    }
}
