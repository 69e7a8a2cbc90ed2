package org.opcat.followup.query.report;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.opcat.followup.events.recommendation.Channel;
import org.opcat.followup.events.recommendation.ImplementationStatus;
import org.opcat.followup.events.recommendation.Position;
import org.opcat.followup.events.recommendation.Priority;
import org.opcat.followup.events.recommendation.WithdrawalReason;
import org.opcat.followup.query.EventKind;
import org.postgresql.PGStatement;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads the dated read model for one {@link ReportPeriod}: both axes are plain filters
 * ({@code recorded_at <= knownAt}, business date {@code <= asOf}), nothing is folded in SQL. The
 * bulk read ({@link #scan}) leaves texts out and streams; {@link #texts}, {@link #yearFacts} and
 * {@link #factTexts} fetch the texts for one slice of the rows a report shows at a time. Callers
 * run these in one read-only repeatable-read transaction so all reads see one snapshot.
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

    /**
     * Every recommendation issued on or before asOf and known at knownAt, with its known events up to
     * asOf, handed to {@code each} one at a time (by recommendation id) and then forgotten: memory
     * does not grow with the register. Two cursors read side by side, both in recommendation-id
     * order, so the issued facts are not repeated on every event row; the events come in
     * recording order (sequence number) as the fold wants them.
     */
    void scan(ReportPeriod period, Consumer<RecommendationTimeline> each) {
        Timestamp knownAt = Timestamp.from(period.knownAt());
        jdbc.getJdbcTemplate().execute((ConnectionCallback<Void>) con -> {
            try (PreparedStatement recommendations = con.prepareStatement("""
                    SELECT recommendation_id, reference, issued_on, priority, confidential, addressee_ids
                    FROM report_recommendation WHERE recorded_at <= ? AND issued_on <= ?
                    ORDER BY recommendation_id
                    """);
                    PreparedStatement facts = con.prepareStatement("""
                            SELECT recommendation_id, sequence_number, business_date, kind, authority_id, position,
                                channel, status, reason
                            FROM report_fact WHERE recorded_at <= ? AND business_date <= ?
                            ORDER BY recommendation_id, sequence_number
                            """)) {
                for (PreparedStatement statement : List.of(recommendations, facts)) {
                    // Binary rows from the first execution: uuids as 16 bytes and dates as day
                    // numbers instead of text the driver must parse, a million times over.
                    statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
                    statement.setFetchSize(FETCH_SIZE);
                    statement.setTimestamp(1, knownAt);
                    statement.setObject(2, period.asOf());
                }
                try (ResultSet r = recommendations.executeQuery(); ResultSet f = facts.executeQuery()) {
                    boolean moreFacts = f.next();
                    UUID factOf = moreFacts ? f.getObject(1, UUID.class) : null;
                    while (r.next()) {
                        UUID id = r.getObject(1, UUID.class);
                        RecommendationTimeline timeline = new RecommendationTimeline(new IssuedRecommendation(id,
                                r.getString(2), r.getObject(3, LocalDate.class), Priority.valueOf(r.getString(4)),
                                r.getBoolean(5), uuids(r.getArray(6))));
                        // Events of recommendations not issued by asOf (or not known) are skipped.
                        while (moreFacts && inDatabaseOrder(factOf, id) <= 0) {
                            if (factOf.equals(id)) {
                                timeline.add(new RecordedFact(id, f.getLong(2), f.getObject(3, LocalDate.class),
                                        EventKind.valueOf(f.getString(4)), f.getObject(5, UUID.class),
                                        enumOf(Position.class, f.getString(6)), enumOf(Channel.class, f.getString(7)),
                                        enumOf(ImplementationStatus.class, f.getString(8)),
                                        enumOf(WithdrawalReason.class, f.getString(9))));
                            }
                            moreFacts = f.next();
                            factOf = moreFacts ? f.getObject(1, UUID.class) : null;
                        }
                        each.accept(timeline);
                    }
                }
            }
            return null;
        });
    }

    /** PostgreSQL orders uuids as 16 unsigned bytes; {@link UUID#compareTo} compares signed longs. */
    static int inDatabaseOrder(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    /** An event of the year with the texts a report shows (null when not asked for). */
    record YearFact(RecordedFact fact, String text, String documentReference) {
    }

    /**
     * The events dated in the year (1 January to {@link ReportPeriod#lastDay()}) and known at knownAt
     * of the given recommendations, each one's by date, ties in recording order; with their texts or
     * without (null). One plain {@code ANY} filter per call: a join or a second array test to
     * choose the rows with texts made the prepared statement's generic plan quadratic.
     */
    Map<UUID, List<YearFact>> yearFacts(ReportPeriod period, Collection<UUID> recommendationIds, boolean withTexts) {
        Map<UUID, List<YearFact>> byRecommendation = new HashMap<>();
        if (recommendationIds.isEmpty()) {
            return byRecommendation;
        }
        MapSqlParameterSource p = new MapSqlParameterSource("ids", recommendationIds.toArray(UUID[]::new))
                .addValue("knownAt", Timestamp.from(period.knownAt()))
                .addValue("first", period.firstDay()).addValue("last", period.lastDay());
        jdbc.query("SELECT recommendation_id, sequence_number, business_date, kind, authority_id, position, channel,"
                + " status, reason" + (withTexts ? ", text, document_reference" : "") + """
                 FROM report_fact
                WHERE recommendation_id = ANY(:ids) AND recorded_at <= :knownAt
                    AND business_date BETWEEN :first AND :last
                ORDER BY recommendation_id, business_date, sequence_number
                """, p, rs -> {
                    RecordedFact fact = fact(rs);
                    byRecommendation.computeIfAbsent(fact.recommendationId(), id -> new ArrayList<>())
                            .add(withTexts ? new YearFact(fact, rs.getString("text"), rs.getString("document_reference"))
                                    : new YearFact(fact, null, null));
                });
        return byRecommendation;
    }

    Map<UUID, String> authorityNames() {
        Map<UUID, String> names = new HashMap<>();
        jdbc.query("SELECT authority_id, name FROM authority", rs -> {
            names.put(rs.getObject("authority_id", UUID.class), rs.getString("name"));
        });
        return names;
    }

    /** A recommendation's title, and its text when it was asked for (else null). */
    record Texts(String title, String text) {
        static final Texts NONE = new Texts(null, null);
    }

    /** What the analyst typed for one fact. */
    record FactTexts(String text, String documentReference) {
        static final FactTexts NONE = new FactTexts(null, null);
    }

    /** Title and text of the given recommendations. */
    Map<UUID, Texts> texts(Collection<UUID> recommendationIds) {
        return texts(recommendationIds, true);
    }

    /** Title, and text if asked for (else null), of the given recommendations. */
    Map<UUID, Texts> texts(Collection<UUID> recommendationIds, boolean withText) {
        Map<UUID, Texts> texts = new HashMap<>();
        if (recommendationIds.isEmpty()) {
            return texts;
        }
        jdbc.query("SELECT recommendation_id, title" + (withText ? ", text" : "") + " FROM report_recommendation"
                + " WHERE recommendation_id = ANY(:ids)",
                new MapSqlParameterSource("ids", recommendationIds.toArray(UUID[]::new)),
                rs -> {
                    texts.put(rs.getObject("recommendation_id", UUID.class),
                            new Texts(rs.getString("title"), withText ? rs.getString("text") : null));
                });
        return texts;
    }

    /** Text and document reference of the given facts, by fact. */
    Map<RecordedFact, FactTexts> factTexts(Collection<RecordedFact> facts) {
        Map<RecordedFact, FactTexts> texts = new HashMap<>();
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
                    texts.put(fact, new FactTexts(rs.getString("text"), rs.getString("document_reference")));
                });
        return texts;
    }

    static RecordedFact fact(ResultSet rs) throws SQLException {
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

    static List<UUID> uuids(Array array) throws SQLException {
        return Arrays.asList((UUID[]) array.getArray());
    }
}
