package org.opcat.followup.query.dialogue;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.opcat.followup.query.dialogue.AuthorityDialogue.Figures;
import org.opcat.followup.query.dialogue.AuthorityDialogue.LatestResponse;
import org.opcat.followup.query.dialogue.AuthorityDialogue.Measure;
import org.opcat.followup.query.dialogue.AuthorityDialogue.OpenRecommendation;
import org.opcat.followup.query.status.ResponseDeadline;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** Assembles an {@link AuthorityDialogue} from the summary, addressee and action-plan tables. */
@Repository
public class DialogueQueries {

    private final NamedParameterJdbcTemplate jdbc;

    public DialogueQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Optional<AuthorityDialogue> dialogue(UUID authorityId, LocalDate today) {
        MapSqlParameterSource p = new MapSqlParameterSource("authorityId", authorityId).addValue("today", today);
        record Registered(String name, String kind) {
        }
        List<Registered> authority = jdbc.query("SELECT name, kind FROM authority WHERE authority_id = :authorityId",
                p, (rs, n) -> new Registered(rs.getString("name"), rs.getString("kind")));
        if (authority.isEmpty()) {
            return Optional.empty();
        }
        Figures figures = jdbc.queryForObject("""
                SELECT count(*) AS addressed,
                    count(*) FILTER (WHERE d.first_response_on IS NOT NULL) AS responded,
                    count(*) FILTER (WHERE s.open AND d.first_response_on IS NULL) AS awaiting,
                    count(*) FILTER (WHERE %s) AS overdue,
                    percentile_cont(0.5) WITHIN GROUP (ORDER BY d.first_response_on - s.issued_on) AS median
                FROM addressee_dialogue d JOIN recommendation_summary s USING (recommendation_id)
                WHERE d.authority_id = :authorityId
                """.formatted(ResponseDeadline.ADDRESSEE_OVERDUE_SQL), p,
                (rs, n) -> new Figures(rs.getLong("addressed"), rs.getLong("responded"), rs.getLong("awaiting"),
                        rs.getLong("overdue"), (Double) rs.getObject("median")));
        Map<UUID, List<Measure>> measures = measures(p, today);
        List<OpenRecommendation> open = jdbc.query("""
                SELECT s.*, %s AS response_overdue, %s AS own_overdue, d.first_response_on AS own_first_response_on,
                    r.response_id AS r_id, r.received_on AS r_on, r.channel AS r_channel, r.position AS r_position,
                    r.text AS r_text, r.document_reference AS r_document
                FROM addressee_dialogue d JOIN recommendation_summary s USING (recommendation_id)
                LEFT JOIN recommendation_response r ON r.response_id = d.latest_response_id
                WHERE d.authority_id = :authorityId AND s.open
                ORDER BY s.issued_on, s.reference
                """.formatted(ResponseDeadline.OVERDUE_SQL, ResponseDeadline.ADDRESSEE_OVERDUE_SQL), p, (rs, n) -> {
                    UUID id = rs.getObject("recommendation_id", UUID.class);
                    LocalDate issuedOn = rs.getObject("issued_on", LocalDate.class);
                    UUID responseId = rs.getObject("r_id", UUID.class);
                    List<Measure> own = measures.getOrDefault(id, List.of());
                    return new OpenRecommendation(id, rs.getString("reference"), rs.getString("title"),
                            rs.getString("priority"), rs.getString("stage"), rs.getString("implementation_status"),
                            rs.getString("authority_position"), issuedOn, ChronoUnit.DAYS.between(issuedOn, today),
                            rs.getObject("response_due_on", LocalDate.class), rs.getBoolean("response_overdue"),
                            rs.getObject("own_first_response_on") == null, rs.getBoolean("own_overdue"),
                            responseId == null ? null : new LatestResponse(responseId,
                                    rs.getObject("r_on", LocalDate.class), rs.getString("r_channel"),
                                    rs.getString("r_position"), rs.getString("r_text"), rs.getString("r_document")),
                            own, own.size(), (int) own.stream().filter(Measure::overdue).count());
                });
        Registered registered = authority.get(0);
        return Optional.of(new AuthorityDialogue(authorityId, registered.name(), registered.kind(), today, figures,
                new ArrayList<>(open)));
    }

    /** Measures of this authority's action plans on its open recommendations, by target date. */
    private Map<UUID, List<Measure>> measures(MapSqlParameterSource p, LocalDate today) {
        record Row(UUID recommendationId, Measure measure) {
        }
        List<Row> rows = jdbc.query("""
                SELECT p.recommendation_id, m.*, m.target_date < :today AS overdue
                FROM action_plan p JOIN action_plan_measure m USING (action_plan_id)
                JOIN recommendation_summary s ON s.recommendation_id = p.recommendation_id
                WHERE p.authority_id = :authorityId AND s.open
                ORDER BY m.target_date, p.sequence_number, m.ordinal
                """, p, (rs, n) -> new Row(rs.getObject("recommendation_id", UUID.class),
                        new Measure(rs.getObject("action_plan_id", UUID.class), rs.getString("description"),
                                rs.getString("responsible_unit"), rs.getObject("target_date", LocalDate.class),
                                rs.getBoolean("overdue"))));
        return rows.stream().collect(Collectors.groupingBy(Row::recommendationId,
                Collectors.mapping(Row::measure, Collectors.toList())));
    }
}
