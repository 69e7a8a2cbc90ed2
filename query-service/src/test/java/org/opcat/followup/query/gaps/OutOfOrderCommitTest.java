package org.opcat.followup.query.gaps;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.opcat.followup.events.EventSerialization;
import org.opcat.followup.events.recommendation.Priority;
import org.opcat.followup.events.recommendation.RecommendationIssued;
import org.opcat.followup.events.recommendation.Scope;
import org.opcat.followup.events.recommendation.Source;
import org.opcat.followup.events.recommendation.SourceKind;
import org.opcat.followup.query.EventLog;
import org.opcat.followup.query.QueryServiceTest;
import org.opcat.followup.query.processing.Await;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two command-service writers: the first takes a global index and holds its transaction open, the
 * second takes the next index and commits first. The projection sees the second event first, and
 * must still take the first one when it commits, not skip it (Axon's gap-aware token).
 */
@QueryServiceTest
class OutOfOrderCommitTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventLog events;

    final Serializer serializer = EventSerialization.serializer();

    @Test
    void anEventCommittedAfterALaterOneIsStillProjected() throws Exception {
        UUID slow = UUID.randomUUID();
        UUID fast = UUID.randomUUID();
        try (Connection heldOpen = dataSource.getConnection()) {
            heldOpen.setAutoCommit(false);
            long slowIndex = insertIssued(heldOpen, slow, "GAP-SLOW");

            events.appendAsAnotherProcess("Recommendation", fast, 0, issued(fast, "GAP-FAST"), "writer-b", Instant.now());
            Await.until("the later event projected", Duration.ofSeconds(20), () -> projected(fast));
            long fastIndex = jdbc.queryForObject("SELECT globalIndex FROM events.domain_event_entry WHERE aggregateIdentifier = ?",
                    Long.class, fast.toString());
            assertThat(fastIndex).isGreaterThan(slowIndex);
            assertThat(projected(slow)).isFalse();

            heldOpen.commit();
        }
        Await.until("the earlier event, committed last, projected", Duration.ofSeconds(20), () -> projected(slow));
    }

    private boolean projected(UUID id) {
        return jdbc.queryForObject("SELECT count(*) FROM query.recommendation_summary WHERE recommendation_id = ?",
                Long.class, id) == 1;
    }

    /** As Axon's JDBC engine writes a row, on a connection whose transaction the test controls. */
    private long insertIssued(Connection connection, UUID id, String reference) throws Exception {
        byte[] payload = serializer.serialize(issued(id, reference), byte[].class).getData();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO events.domain_event_entry "
                + "(aggregateIdentifier, sequenceNumber, type, eventIdentifier, metaData, payload, payloadRevision, "
                + "payloadType, timeStamp) VALUES (?, 0, 'Recommendation', ?, ?, ?, ?, ?, ?) RETURNING globalIndex")) {
            insert.setString(1, id.toString());
            insert.setString(2, UUID.randomUUID().toString());
            insert.setBytes(3, "{\"recordedBy\":\"writer-a\"}".getBytes(StandardCharsets.UTF_8));
            insert.setBytes(4, payload);
            insert.setString(5, RecommendationIssued.REVISION);
            insert.setString(6, RecommendationIssued.class.getName());
            insert.setString(7, Instant.now().toString());
            try (ResultSet index = insert.executeQuery()) {
                index.next();
                return index.getLong(1);
            }
        }
    }

    private static RecommendationIssued issued(UUID id, String reference) {
        return new RecommendationIssued(id, reference, "保障被拘留者及时会见律师", "被拘留者应自拘留之时起即可会见律师。", "zh",
                LocalDate.of(2026, 3, 1), new Source(SourceKind.VISIT_REPORT, "V-1"), null, List.of(UUID.randomUUID()),
                List.of("legal-safeguards"), Scope.SYSTEMIC, Priority.NORMAL, List.of(), null, false);
    }
}
