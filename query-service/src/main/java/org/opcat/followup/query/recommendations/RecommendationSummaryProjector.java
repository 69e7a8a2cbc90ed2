package org.opcat.followup.query.recommendations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.opcat.followup.events.AggregateTypes;
import org.opcat.followup.events.recommendation.ActionPlanFiled;
import org.opcat.followup.events.recommendation.AuthorityResponseRecorded;
import org.opcat.followup.events.recommendation.FollowUpVisitRecorded;
import org.opcat.followup.events.recommendation.ImplementationAssessed;
import org.opcat.followup.events.recommendation.ImplementationStatus;
import org.opcat.followup.events.recommendation.Position;
import org.opcat.followup.events.recommendation.RecommendationImplemented;
import org.opcat.followup.events.recommendation.RecommendationIssued;
import org.opcat.followup.events.recommendation.RecommendationReiterated;
import org.opcat.followup.events.recommendation.RecommendationReopened;
import org.opcat.followup.events.recommendation.RecommendationWithdrawn;
import org.opcat.followup.query.ReadModels;
import org.opcat.followup.query.freshness.ReadYourWrites;
import org.opcat.followup.query.processing.ReadModelWrites;
import org.opcat.followup.query.processing.ReadModelWrites.Statement;
import org.opcat.followup.query.status.Closure;
import org.opcat.followup.query.status.RecommendationStatus;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code query.recommendation_summary}: one row per recommendation with its derived state.
 * Each event resumes the {@link RecommendationStatus} fold from the stored facts, so the rules live
 * in the status package only. An event at or below the stored version was applied already
 * (redelivery) and is skipped.
 *
 * <p>Within a batch of events the rows are read once (every recommendation of the batch in one
 * query), folded in memory and written once, as they are after the batch's last event
 * ({@link ReadModelWrites}).
 */
@Component
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
public class RecommendationSummaryProjector {

    private static final String BATCH_STATE = RecommendationSummaryProjector.class.getName();

    private static final Statement INSERT = ReadModelWrites.statement("""
            INSERT INTO recommendation_summary (recommendation_id, reference, title, language, issued_on,
                place_id, addressee_authority_ids, themes, scope, priority, confidential, response_due_on,
                stage, open, implementation_status, authority_position, last_activity_on, first_response_on,
                version, search_text, status_closure, status_responded, status_action_plan, status_response_on,
                status_position, status_assessment_on, status_assessed)
            VALUES (?, ?, ?, ?, ?, ?, CAST(? AS uuid[]), CAST(? AS text[]), ?, ?, ?, ?,
                ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (recommendation_id) DO NOTHING
            """);
    private static final Statement UPDATE = ReadModelWrites.statement("""
            UPDATE recommendation_summary SET stage = ?, open = ?, implementation_status = ?,
                authority_position = ?, last_activity_on = ?, first_response_on = ?, version = ?,
                status_closure = ?, status_responded = ?, status_action_plan = ?, status_response_on = ?,
                status_position = ?, status_assessment_on = ?, status_assessed = ?
            WHERE recommendation_id = ?
            """);

    private final NamedParameterJdbcTemplate jdbc;
    private final ReadYourWrites readYourWrites;
    private final ReadModelWrites writes;

    public RecommendationSummaryProjector(NamedParameterJdbcTemplate jdbc, ReadYourWrites readYourWrites,
            ReadModelWrites writes) {
        this.jdbc = jdbc;
        this.readYourWrites = readYourWrites;
        this.writes = writes;
    }

    @EventHandler
    void on(RecommendationIssued e, @SequenceNumber long sequenceNumber) {
        Summaries summaries = summaries();
        if (summaries.find(e.recommendationId()) == null) {
            summaries.add(new Summary(e, RecommendationStatus.issued(), e.issuedOn(), null, sequenceNumber));
        }
        readYourWrites.signalAfterCommit();
    }

    @EventHandler
    void on(AuthorityResponseRecorded e, @SequenceNumber long sequenceNumber) {
        advance(e.recommendationId(), sequenceNumber, e.receivedOn(),
                s -> s.responseRecorded(e.receivedOn(), e.position()), true);
    }

    @EventHandler
    void on(ActionPlanFiled e, @SequenceNumber long sequenceNumber) {
        advance(e.recommendationId(), sequenceNumber, e.filedOn(), RecommendationStatus::actionPlanFiled, false);
    }

    @EventHandler
    void on(FollowUpVisitRecorded e, @SequenceNumber long sequenceNumber) {
        advance(e.recommendationId(), sequenceNumber, e.visitedOn(),
                s -> s.assessed(e.visitedOn(), e.assessedStatus()), false);
    }

    @EventHandler
    void on(ImplementationAssessed e, @SequenceNumber long sequenceNumber) {
        advance(e.recommendationId(), sequenceNumber, e.assessedOn(), s -> s.assessed(e.assessedOn(), e.status()),
                false);
    }

    @EventHandler
    void on(RecommendationImplemented e, @SequenceNumber long sequenceNumber) {
        advance(e.recommendationId(), sequenceNumber, e.implementedOn(), RecommendationStatus::implemented, false);
    }

    @EventHandler
    void on(RecommendationReiterated e, @SequenceNumber long sequenceNumber) {
        advance(e.recommendationId(), sequenceNumber, e.reiteratedOn(), UnaryOperator.identity(), false);
    }

    @EventHandler
    void on(RecommendationWithdrawn e, @SequenceNumber long sequenceNumber) {
        advance(e.recommendationId(), sequenceNumber, e.withdrawnOn(), RecommendationStatus::withdrawn, false);
    }

    @EventHandler
    void on(RecommendationReopened e, @SequenceNumber long sequenceNumber) {
        advance(e.recommendationId(), sequenceNumber, e.reopenedOn(), RecommendationStatus::reopened, false);
    }

    /** A document changes no state, but the recommendation's version moves: minVersion waits for it. */
    @EventHandler
    void on(org.opcat.followup.events.recommendation.DocumentAttached e, @SequenceNumber long sequenceNumber) {
        advance(e.recommendationId(), sequenceNumber, null, UnaryOperator.identity(), false);
    }

    @EventHandler
    void on(org.opcat.followup.events.recommendation.DocumentPurged e, @SequenceNumber long sequenceNumber) {
        advance(e.recommendationId(), sequenceNumber, null, UnaryOperator.identity(), false);
    }

    private void advance(UUID id, long sequenceNumber, LocalDate activityOn, UnaryOperator<RecommendationStatus> change,
            boolean response) {
        Summaries summaries = summaries();
        Summary summary = summaries.find(id);
        if (summary == null || summary.version >= sequenceNumber) {
            return;
        }
        summary.status = change.apply(summary.status);
        summary.lastActivityOn = latest(summary.lastActivityOn, activityOn);
        if (response) {
            summary.firstResponseOn = earliest(summary.firstResponseOn, activityOn);
        }
        summary.version = sequenceNumber;
        summaries.write(summary);
        readYourWrites.signalAfterCommit();
    }

    /** As PostgreSQL's GREATEST and LEAST: a null argument is ignored. */
    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a == null ? b : b == null || !b.isAfter(a) ? a : b;
    }

    private static LocalDate earliest(LocalDate a, LocalDate b) {
        return a == null ? b : b == null || !b.isBefore(a) ? a : b;
    }

    private Summaries summaries() {
        return writes.batchState(BATCH_STATE, Summaries::new);
    }

    /** The summaries of this batch's recommendations, as stored or as changed by the batch so far. */
    private final class Summaries {

        private final Map<UUID, Summary> rows = new HashMap<>();
        private final Set<UUID> looked = new HashSet<>();

        /** The summary of {@code id}, null if there is none; the first call reads every one of the batch. */
        Summary find(UUID id) {
            if (!looked.contains(id)) {
                Set<UUID> ids = new HashSet<>();
                ids.add(id);
                for (EventMessage<?> event : writes.batchEvents()) {
                    if (event instanceof DomainEventMessage<?> domain && AggregateTypes.RECOMMENDATION.equals(domain.getType())) {
                        UUID other = uuidOrNull(domain.getAggregateIdentifier());
                        if (other != null && !looked.contains(other)) {
                            ids.add(other);
                        }
                    }
                }
                load(ids);
            }
            return rows.get(id);
        }

        private void load(Set<UUID> ids) {
            looked.addAll(ids);
            jdbc.query("""
                    SELECT recommendation_id, last_activity_on, first_response_on, version, status_closure,
                        status_responded, status_action_plan, status_response_on, status_position,
                        status_assessment_on, status_assessed
                    FROM recommendation_summary WHERE recommendation_id = ANY(CAST(:ids AS uuid[]))
                    """, new MapSqlParameterSource("ids", ids.stream().map(UUID::toString).toArray(String[]::new)),
                    rs -> {
                        UUID id = rs.getObject("recommendation_id", UUID.class);
                        rows.put(id, new Summary(id, storedStatus(rs), rs.getObject("last_activity_on", LocalDate.class),
                                rs.getObject("first_response_on", LocalDate.class), rs.getLong("version")));
                    });
        }

        void add(Summary summary) {
            rows.put(summary.id, summary);
            looked.add(summary.id);
            write(summary);
        }

        /** Buffers the row as it is now, replacing what this batch buffered for it before. */
        void write(Summary s) {
            RecommendationStatus status = s.status;
            if (s.issued == null) {
                writes.put(UPDATE, s.id, status.stage().name(), status.open(), status.implementationStatus().name(),
                        status.authorityPosition().name(), s.lastActivityOn, s.firstResponseOn, s.version,
                        status.closure().name(), status.responded(), status.actionPlan(), status.latestResponseOn(),
                        status.latestPosition(), status.latestAssessmentOn(), status.latestAssessedStatus(), s.id);
                return;
            }
            RecommendationIssued e = s.issued;
            writes.put(INSERT, s.id, s.id, e.reference(), e.title(), e.language(), e.issuedOn(), e.placeId(),
                    e.addresseeAuthorityIds().stream().map(UUID::toString).toArray(String[]::new),
                    e.themes().toArray(String[]::new), e.scope().name(), e.priority().name(), e.confidential(),
                    e.responseDueOn(), status.stage().name(), status.open(), status.implementationStatus().name(),
                    status.authorityPosition().name(), s.lastActivityOn, s.firstResponseOn, s.version,
                    SearchText.of(e.reference(), e.title(), e.text()), status.closure().name(), status.responded(),
                    status.actionPlan(), status.latestResponseOn(), status.latestPosition(),
                    status.latestAssessmentOn(), status.latestAssessedStatus());
        }
    }

    /**
     * One summary row while a batch changes it: {@code issued} is set when the batch created it (it is
     * inserted as it is after the batch), null when it was read from the table (it is updated).
     */
    private static final class Summary {

        final UUID id;
        final RecommendationIssued issued;
        RecommendationStatus status;
        LocalDate lastActivityOn;
        LocalDate firstResponseOn;
        long version;

        Summary(RecommendationIssued issued, RecommendationStatus status, LocalDate lastActivityOn,
                LocalDate firstResponseOn, long version) {
            this(issued.recommendationId(), issued, status, lastActivityOn, firstResponseOn, version);
        }

        Summary(UUID id, RecommendationStatus status, LocalDate lastActivityOn, LocalDate firstResponseOn,
                long version) {
            this(id, null, status, lastActivityOn, firstResponseOn, version);
        }

        private Summary(UUID id, RecommendationIssued issued, RecommendationStatus status, LocalDate lastActivityOn,
                LocalDate firstResponseOn, long version) {
            this.id = id;
            this.issued = issued;
            this.status = status;
            this.lastActivityOn = lastActivityOn;
            this.firstResponseOn = firstResponseOn;
            this.version = version;
        }
    }

    private static UUID uuidOrNull(String id) {
        try {
            return id == null ? null : UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static RecommendationStatus storedStatus(ResultSet rs) throws SQLException {
        String position = rs.getString("status_position");
        String assessed = rs.getString("status_assessed");
        return new RecommendationStatus(
                Closure.valueOf(rs.getString("status_closure")),
                rs.getBoolean("status_responded"),
                rs.getBoolean("status_action_plan"),
                rs.getObject("status_response_on", LocalDate.class),
                position == null ? null : Position.valueOf(position),
                rs.getObject("status_assessment_on", LocalDate.class),
                assessed == null ? null : ImplementationStatus.valueOf(assessed));
    }
}
