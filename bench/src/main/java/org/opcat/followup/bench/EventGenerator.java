package org.opcat.followup.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.serialization.Revision;
import org.opcat.followup.events.EventSerialization;
import org.opcat.followup.events.authority.AuthorityKind;
import org.opcat.followup.events.authority.AuthorityRegistered;
import org.opcat.followup.events.place.PlaceOfDetentionRegistered;
import org.opcat.followup.events.place.PlaceType;
import org.opcat.followup.events.recommendation.ActionPlanFiled;
import org.opcat.followup.events.recommendation.AuthorityResponseRecorded;
import org.opcat.followup.events.recommendation.Channel;
import org.opcat.followup.events.recommendation.FollowUpVisitRecorded;
import org.opcat.followup.events.recommendation.ImplementationAssessed;
import org.opcat.followup.events.recommendation.ImplementationStatus;
import org.opcat.followup.events.recommendation.Measure;
import org.opcat.followup.events.recommendation.Position;
import org.opcat.followup.events.recommendation.Priority;
import org.opcat.followup.events.recommendation.RecommendationImplemented;
import org.opcat.followup.events.recommendation.RecommendationIssued;
import org.opcat.followup.events.recommendation.RecommendationReiterated;
import org.opcat.followup.events.recommendation.Scope;
import org.opcat.followup.events.recommendation.Source;
import org.opcat.followup.events.recommendation.SourceKind;

/**
 * Writes a register of n recommendations with ten events each (issued, response, action plan,
 * follow-up visit, assessment, second response, second visit, reiteration, second assessment,
 * then implemented for 40 % or a third visit) straight into events.domain_event_entry, in
 * batched INSERTs through the same table, so the hash-chain trigger runs for every row. Payloads
 * are the shared event records serialized by the event store's own serializer: the query side
 * cannot tell them from events command-service wrote. 10 ministries supervise 40 administrations;
 * 200 places. Ids derive from numbers, so the query benchmark can name them.
 */
final class EventGenerator {

    static final int MINISTRIES = 10;
    static final int ADMINISTRATIONS = 40;
    static final int PLACES = 200;
    static final String[] THEMES = {"health-care", "use-of-force", "material-conditions", "legal-safeguards",
            "solitary-confinement", "contact-with-outside-world"};

    private final ObjectMapper json = EventSerialization.objectMapper();
    private final BenchDatabase db;

    EventGenerator(BenchDatabase db) {
        this.db = db;
    }

    static UUID id(String kind, int n) {
        return UUID.nameUUIDFromBytes(("bench:" + kind + ":" + n).getBytes(StandardCharsets.UTF_8));
    }

    static UUID ministry(int m) {
        return id("authority", m);
    }

    static UUID administration(int a) {
        return id("authority", MINISTRIES + a);
    }

    static UUID recommendation(int r) {
        return id("recommendation", r);
    }

    /** Writes the registers and {@code recommendations} recommendations; answers the events written. */
    long generate(int recommendations, int threads) throws Exception {
        List<Row> registers = new ArrayList<>();
        for (int m = 0; m < MINISTRIES; m++) {
            registers.add(row(ministry(m), 0, "Authority", new AuthorityRegistered(ministry(m), "部委 Ministry " + m,
                    AuthorityKind.MINISTRY, null), Instant.parse("2019-12-01T09:00:00Z")));
        }
        for (int a = 0; a < ADMINISTRATIONS; a++) {
            registers.add(row(administration(a), 0, "Authority", new AuthorityRegistered(administration(a),
                    "管理局 Administration " + a, AuthorityKind.DETENTION_ADMINISTRATION, ministry(a % MINISTRIES)),
                    Instant.parse("2019-12-01T09:00:00Z")));
        }
        for (int p = 0; p < PLACES; p++) {
            registers.add(row(id("place", p), 0, "PlaceOfDetention", new PlaceOfDetentionRegistered(id("place", p),
                    "Place " + p + " 看守所", PlaceType.values()[p % PlaceType.values().length], "Region " + (p % 7),
                    administration(p % ADMINISTRATIONS)), Instant.parse("2019-12-01T09:00:00Z")));
        }
        insert(registers);

        AtomicInteger next = new AtomicInteger();
        int perBatch = 100; // recommendations per transaction: 1,000 rows
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                for (int first = next.getAndAdd(perBatch); first < recommendations; first = next.getAndAdd(perBatch)) {
                    List<Row> rows = new ArrayList<>();
                    for (int r = first; r < Math.min(first + perBatch, recommendations); r++) {
                        history(r, rows);
                    }
                    insert(rows);
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        return registers.size() + 10L * recommendations;
    }

    private void history(int r, List<Row> rows) {
        UUID id = recommendation(r);
        LocalDate issued = LocalDate.of(2020, 1, 1).plusDays((r * 7919L) % 1800);
        UUID first = administration(r % ADMINISTRATIONS);
        UUID second = administration((r * 7 + 3) % ADMINISTRATIONS);
        List<UUID> addressees = first.equals(second) ? List.of(first) : List.of(first, second);
        UUID place = r % 4 == 0 ? null : id("place", r % PLACES);
        String theme = THEMES[r % THEMES.length];
        boolean zh = r % 2 == 0;
        List<Object> events = new ArrayList<>();
        List<LocalDate> dates = new ArrayList<>();
        events.add(new RecommendationIssued(id, "B/" + (2020 + r % 5) + "/R-" + r,
                zh ? "确保被拘留者及时获得医疗服务 " + r : "Ensure prompt access to health care " + r,
                zh ? "所有新入所人员应在入所后24小时内由医务人员进行体检，并记录任何伤情；医务人员应独立于监管人员。"
                        : "Every new detainee is examined by a doctor within 24 hours of admission, out of the hearing of "
                        + "custodial staff, and any injury is recorded and reported to the prosecutor.",
                zh ? "zh" : "en", issued, new Source(SourceKind.VISIT_REPORT, "Visit report " + (r / 10)), place, addressees,
                List.of(theme), place == null ? Scope.SYSTEMIC : Scope.PLACE_SPECIFIC,
                Priority.values()[r % 3], List.of("Nelson Mandela Rules, rule 30"), issued.plusDays(60), r % 20 == 0));
        dates.add(issued);
        events.add(new AuthorityResponseRecorded(id, id("response", r), first, issued.plusDays(20 + r % 40), Channel.WRITTEN,
                Position.values()[r % 4], zh ? "该机关接受本建议，并说明了理由。" : "The authority accepts the recommendation.",
                "Letter " + r));
        dates.add(issued.plusDays(20 + r % 40));
        events.add(new ActionPlanFiled(id, id("plan", r), first, issued.plusDays(70), List.of(
                new Measure(zh ? "制定书面规程并培训工作人员" : "Write a procedure and train staff", "Training unit",
                        issued.plusDays(160)),
                new Measure(zh ? "完成整改并报告" : "Complete the works and report", "Facilities unit", issued.plusDays(300)))));
        dates.add(issued.plusDays(70));
        events.add(new FollowUpVisitRecorded(id, id("visit", r), issued.plusDays(120), place,
                zh ? "复查发现部分整改已完成。" : "The follow-up visit found part of the work done.", ImplementationStatus.IN_PROGRESS));
        dates.add(issued.plusDays(120));
        events.add(new ImplementationAssessed(id, id("assessment", r), issued.plusDays(150),
                ImplementationStatus.PARTIALLY_IMPLEMENTED, "Report of a civil society organisation", null));
        dates.add(issued.plusDays(150));
        events.add(new AuthorityResponseRecorded(id, id("response2", r), first, issued.plusDays(180), Channel.MEETING,
                Position.ACCEPTED, zh ? "该机关报告了整改进展。" : "The authority reports progress.", null));
        dates.add(issued.plusDays(180));
        events.add(new FollowUpVisitRecorded(id, id("visit2", r), issued.plusDays(240), place,
                zh ? "第二次复查：仍有不足。" : "Second visit: gaps remain.", ImplementationStatus.PARTIALLY_IMPLEMENTED));
        dates.add(issued.plusDays(240));
        events.add(new RecommendationReiterated(id, issued.plusDays(300), "Annual report " + issued.plusDays(300).getYear()));
        dates.add(issued.plusDays(300));
        events.add(new ImplementationAssessed(id, id("assessment2", r), issued.plusDays(330),
                ImplementationStatus.IN_PROGRESS, "Authority's report", "Works under way"));
        dates.add(issued.plusDays(330));
        if (r % 5 < 2) {
            events.add(new RecommendationImplemented(id, issued.plusDays(360), zh ? "复查确认已全面落实。" : "Confirmed on a visit."));
        } else {
            events.add(new FollowUpVisitRecorded(id, id("visit3", r), issued.plusDays(360), place,
                    zh ? "第三次复查。" : "Third visit.", ImplementationStatus.NOT_IMPLEMENTED));
        }
        dates.add(issued.plusDays(360));
        for (int seq = 0; seq < events.size(); seq++) {
            // Recorded the day after the business date: every event lies in the past, knownAt "now" sees all.
            rows.add(row(id, seq, "Recommendation", events.get(seq),
                    dates.get(seq).plusDays(1).atTime(10, 0).toInstant(ZoneOffset.UTC)));
        }
    }

    private record Row(UUID aggregate, long sequence, String type, String payloadType, String revision, byte[] payload,
                       byte[] metaData, String timestamp) {
    }

    private Row row(UUID aggregate, long sequence, String type, Object event, Instant recordedAt) {
        try {
            Revision revision = event.getClass().getAnnotation(Revision.class);
            return new Row(aggregate, sequence, type, event.getClass().getName(), revision == null ? null : revision.value(),
                    json.writeValueAsBytes(event),
                    json.writeValueAsBytes(Map.of("recordedBy", "bench", "correlationId", UUID.randomUUID().toString())),
                    recordedAt.toString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void insert(List<Row> rows) throws Exception {
        try (Connection c = db.connectForBatches(); PreparedStatement insert = c.prepareStatement("""
                INSERT INTO events.domain_event_entry (aggregateIdentifier, sequenceNumber, type, eventIdentifier, metaData,
                    payload, payloadRevision, payloadType, timeStamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)) {
            c.setAutoCommit(false);
            for (Row row : rows) {
                insert.setString(1, row.aggregate().toString());
                insert.setLong(2, row.sequence());
                insert.setString(3, row.type());
                insert.setString(4, UUID.randomUUID().toString());
                insert.setBytes(5, row.metaData());
                insert.setBytes(6, row.payload());
                insert.setString(7, row.revision());
                insert.setString(8, row.payloadType());
                insert.setString(9, row.timestamp());
                insert.addBatch();
            }
            insert.executeBatch();
            c.commit();
        }
    }
}
