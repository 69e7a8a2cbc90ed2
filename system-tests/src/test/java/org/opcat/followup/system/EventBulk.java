package org.opcat.followup.system;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.serialization.Serializer;
import org.opcat.followup.events.EventSerialization;
import org.opcat.followup.events.authority.AuthorityKind;
import org.opcat.followup.events.authority.AuthorityRegistered;
import org.opcat.followup.events.recommendation.*;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Many histories written straight into the event table in batches, as command-service would have
 * stored them (same serializer, same columns, the hash trigger runs): enough work for the query
 * side that a crash lands in the middle of it.
 */
final class EventBulk {

    private static final String INSERT = "INSERT INTO events.domain_event_entry (aggregateIdentifier, sequenceNumber, type, "
            + "eventIdentifier, metaData, payload, payloadRevision, payloadType, timeStamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final Serializer serializer = EventSerialization.serializer();
    private final JdbcTemplate jdbc;
    private final List<Object[]> rows = new ArrayList<>();

    EventBulk(DataSource database) {
        this.jdbc = new JdbcTemplate(database);
    }

    /** {@code recommendations} histories of four events each, addressed to one new authority. */
    long write(int recommendations) {
        UUID authority = UUID.randomUUID();
        add("Authority", authority, 0, new AuthorityRegistered(authority, "公安部监所管理局", AuthorityKind.DETENTION_ADMINISTRATION, null));
        LocalDate day = LocalDate.of(2025, 1, 6);
        for (int i = 0; i < recommendations; i++) {
            UUID id = UUID.randomUUID();
            LocalDate issued = day.plusDays(i % 300);
            add("Recommendation", id, 0, new RecommendationIssued(id, "BULK-" + id, "单独监禁不得连续超过15天 #" + i,
                    "禁止长期单独监禁。", "zh", issued, new Source(SourceKind.VISIT_REPORT, "V-" + i), null, List.of(authority),
                    List.of(i % 2 == 0 ? "solitary-confinement" : "health-care"), Scope.SYSTEMIC,
                    i % 3 == 0 ? Priority.URGENT : Priority.NORMAL, List.of(), issued.plusDays(60), i % 10 == 0));
            add("Recommendation", id, 1, new AuthorityResponseRecorded(id, UUID.randomUUID(), authority, issued.plusDays(20),
                    Channel.WRITTEN, i % 4 == 0 ? Position.REJECTED : Position.ACCEPTED, "答复 " + i, null));
            add("Recommendation", id, 2, new ActionPlanFiled(id, UUID.randomUUID(), authority, issued.plusDays(30),
                    List.of(new Measure("措施 " + i, "处室", issued.plusDays(200)))));
            add("Recommendation", id, 3, new FollowUpVisitRecorded(id, UUID.randomUUID(), issued.plusDays(90), null,
                    "复查 " + i, ImplementationStatus.values()[1 + i % 4]));
            if (rows.size() >= 2_000) {
                flush();
            }
        }
        flush();
        return 1 + 4L * recommendations;
    }

    private void add(String type, UUID aggregate, long sequence, Object payload) {
        var serialized = serializer.serialize(payload, byte[].class);
        rows.add(new Object[] {aggregate.toString(), sequence, type, UUID.randomUUID().toString(),
                "{\"recordedBy\":\"bulk\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8), serialized.getData(),
                serialized.getType().getRevision(), serialized.getType().getName(), null});
    }

    private void flush() {
        // Stamped as they are stored: the database refuses an event stamped far from its clock.
        String now = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
        rows.forEach(row -> row[row.length - 1] = now);
        jdbc.batchUpdate(INSERT, rows);
        rows.clear();
    }
}
