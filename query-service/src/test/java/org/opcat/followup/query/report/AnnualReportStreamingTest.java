package org.opcat.followup.query.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opcat.followup.events.authority.AuthorityKind;
import org.opcat.followup.events.authority.AuthorityRegistered;
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
import org.opcat.followup.events.recommendation.RecommendationReopened;
import org.opcat.followup.events.recommendation.RecommendationWithdrawn;
import org.opcat.followup.events.recommendation.Scope;
import org.opcat.followup.events.recommendation.Source;
import org.opcat.followup.events.recommendation.SourceKind;
import org.opcat.followup.events.recommendation.WithdrawalReason;
import org.opcat.followup.query.EventLog;
import org.opcat.followup.query.FixedClock;
import org.opcat.followup.query.QueryServiceTest;
import org.opcat.followup.query.processing.Await;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The streamed report (figures in one pass, lists read seven recommendations at a time while they
 * are written) against {@link InMemoryAnnualReports}, the way it was computed before, over a
 * generated history of a few hundred recommendations with back-dated and late-logged entries,
 * reopenings, withdrawals, confidential ones and an addressee missing from the register: json, csv
 * and html must be the same bytes for every year, asOf, knownAt and audience tried.
 */
@QueryServiceTest
@TestPropertySource(properties = {"followup.test.context=annual-report-streaming", "followup.report.chunk=7",
        "followup.report.pdf-max-rows=100"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnnualReportStreamingTest {

    private static final int RECOMMENDATIONS = 240;
    private static final LocalDate TODAY = FixedClock.TODAY;
    private static final Instant NOW_RECORDED = FixedClock.at(TODAY);

    @Autowired
    EventLog events;
    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    Clock clock;
    @Autowired
    ObjectMapper mapper;
    @Autowired
    CsvReport csv;
    @Autowired
    HtmlReport html;

    private InMemoryAnnualReports oracle;
    private final UUID[] authorities = {id("A"), id("B"), id("C"), id("unregistered")};
    private int facts;

    @BeforeAll
    void generateHistory() {
        oracle = new InMemoryAnnualReports(dataSource, clock);
        for (int i = 0; i < 3; i++) {
            events.append("Authority", authorities[i], 0, new AuthorityRegistered(authorities[i],
                    List.of("司法部", "Ministry of Justice", "公安部, \"Police\"").get(i), AuthorityKind.MINISTRY, null),
                    "admin", FixedClock.at(LocalDate.of(2021, 1, 4)));
        }
        Random random = new Random(20251231);
        for (int n = 0; n < RECOMMENDATIONS; n++) {
            generate(n, random);
        }
        Await.until("the report read model caught up", Duration.ofSeconds(120), () ->
                jdbc.queryForObject("SELECT count(*) FROM report_recommendation", Integer.class) == RECOMMENDATIONS
                        && jdbc.queryForObject("SELECT count(*) FROM report_fact", Integer.class) == facts
                        && jdbc.queryForObject("SELECT count(*) FROM authority", Integer.class) >= 3);
    }

    /** One recommendation with up to ten later events in a plausible order, dates back and forth. */
    private void generate(int n, Random random) {
        UUID rec = id("R" + n);
        LocalDate issuedOn = LocalDate.of(2022, 6, 1).plusDays(random.nextInt(1400));
        if (issuedOn.isAfter(TODAY)) {
            issuedOn = TODAY;
        }
        if (n % 17 == 0) {
            issuedOn = LocalDate.of(2025, 3, 3); // many on one day: ties broken by reference
        }
        List<UUID> addressees = new ArrayList<>();
        addressees.add(authorities[random.nextInt(authorities.length)]);
        if (random.nextInt(4) == 0) {
            UUID second = authorities[random.nextInt(3)];
            if (!addressees.contains(second)) {
                addressees.add(second);
            }
        }
        Instant recorded = min(issuedOn.atTime(10, 0).toInstant(ZoneOffset.UTC)
                .plus(random.nextInt(120) == 0 ? 500 : random.nextInt(20), ChronoUnit.DAYS), NOW_RECORDED);
        EventLog.Stream stream = events.recommendation(rec).then(new RecommendationIssued(rec,
                String.format("%d/G-%03d/R-%02d", issuedOn.getYear(), n % 50, n), "标题 " + n + ", \"title\"",
                "Text of " + n + "\n第二行", "zh", issuedOn, new Source(SourceKind.VISIT_REPORT, "G-" + n), null,
                addressees, List.of("detention"), Scope.SYSTEMIC, Priority.values()[random.nextInt(3)], List.of(), null,
                random.nextInt(5) == 0), "analyst", recorded);
        boolean closed = false;
        int count = random.nextInt(11);
        for (int e = 0; e < count; e++) {
            LocalDate on = min(issuedOn.plusDays(random.nextInt(900)), TODAY);
            recorded = min(max(recorded, on.atTime(9, 0).toInstant(ZoneOffset.UTC))
                    .plus(random.nextInt(40), ChronoUnit.DAYS).plusSeconds(1), NOW_RECORDED);
            UUID authority = addressees.get(random.nextInt(addressees.size()));
            Object event;
            if (closed) {
                event = new RecommendationReopened(rec, on, "relapse " + e);
                closed = false;
            } else {
                event = switch (random.nextInt(9)) {
                    case 0, 1 -> new AuthorityResponseRecorded(rec, id(rec + "r" + e), authority, on,
                            Channel.values()[random.nextInt(3)], Position.values()[random.nextInt(4)],
                            "答复 " + e + ", with \"quotes\"", random.nextBoolean() ? "L-" + e : null);
                    case 2 -> new ActionPlanFiled(rec, id(rec + "p" + e), authority, on,
                            List.of(new Measure("measure " + e, "unit", on.plusDays(30))));
                    case 3 -> new FollowUpVisitRecorded(rec, id(rec + "v" + e), on, null, "findings " + e,
                            ImplementationStatus.values()[random.nextInt(4)]);
                    case 4 -> new ImplementationAssessed(rec, id(rec + "a" + e), on,
                            ImplementationStatus.values()[1 + random.nextInt(3)], "basis " + e,
                            random.nextBoolean() ? "note" : null);
                    case 5 -> new RecommendationReiterated(rec, on, "AR-" + on.getYear());
                    case 6 -> new RecommendationWithdrawn(rec, on, WithdrawalReason.values()[random.nextInt(3)], null);
                    default -> new RecommendationImplemented(rec, on, "evidence " + e);
                };
                closed = event instanceof RecommendationWithdrawn || event instanceof RecommendationImplemented;
            }
            stream.then(event, "analyst", recorded);
            facts++;
        }
    }

    @Test
    void streamed_reports_are_the_same_bytes_as_the_in_memory_ones() throws Exception {
        List<String> knownAts = List.of("", "2025-07-01T00:00:00Z", "2026-01-10T00:00:00Z");
        int compared = 0;
        for (int year : List.of(2023, 2024, 2025, 2026)) {
            for (String asOf : List.of("", year + "-06-30", (year + 1) + "-03-01")) {
                for (String knownAt : knownAts) {
                    for (Audience audience : Audience.values()) {
                        LocalDate businessDate = asOf.isEmpty() ? LocalDate.of(year, 12, 31) : LocalDate.parse(asOf);
                        Instant known = knownAt.isEmpty() ? clock.instant() : Instant.parse(knownAt);
                        if (year == 2026 && !knownAt.isEmpty()) {
                            continue;
                        }
                        AnnualReport expected = oracle.compile(new ReportPeriod(year, businessDate, known), audience);
                        String query = "/api/reports/annual/" + year + "?audience=" + audience.name().toLowerCase()
                                + (asOf.isEmpty() ? "" : "&asOf=" + asOf) + (knownAt.isEmpty() ? "" : "&knownAt=" + knownAt);

                        String json = new String(get(query).getBody(), StandardCharsets.UTF_8);
                        assertThat(json).as(query).isEqualTo(mapper.writeValueAsString(expected));
                        JsonNode parsed = mapper.readTree(json);
                        assertThat(parsed.get("recommendations")).hasSize(expected.recommendations().size());

                        ReportLanguage lang = compared % 2 == 0 ? ReportLanguage.EN : ReportLanguage.ZH;
                        String langQuery = "&lang=" + lang.name().toLowerCase();
                        byte[] csvBytes = get(query + "&format=csv" + langQuery).getBody();
                        assertThat(csvBytes).as(query + " csv").isEqualTo(csv.render(expected, new ReportLabels(lang)));
                        try (CSVParser rows = CSVParser.parse(new StringReader(
                                new String(csvBytes, StandardCharsets.UTF_8).substring(1)), CSVFormat.RFC4180)) {
                            assertThat(rows.getRecords()).hasSize(expected.recommendations().size() + 1);
                        }
                        if (compared % 3 == 0) {
                            String document = new String(get(query + "&format=html" + langQuery).getBody(),
                                    StandardCharsets.UTF_8);
                            assertThat(document).as(query + " html")
                                    .isEqualTo(html.render(expected, new ReportLabels(lang)));
                            assertThat(document.strip()).endsWith("</html>");
                        }
                        compared++;
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(50);
        // The generated history is big enough for the lists to span several slices of seven.
        AnnualReport y2025 = oracle.compile(new ReportPeriod(2025, LocalDate.of(2025, 12, 31), clock.instant()),
                Audience.INTERNAL);
        assertThat(y2025.recommendations().size()).isGreaterThan(50);
        assertThat(y2025.unresolvedFromPreviousReports().size()).isGreaterThan(20);
        assertThat(oracle.compile(new ReportPeriod(2025, LocalDate.of(2025, 12, 31), clock.instant()), Audience.PUBLIC)
                .recommendations().stream().filter(r -> r.withheld()).count()).isPositive();
    }

    @Test
    void a_pdf_of_more_recommendations_than_it_can_lay_out_in_memory_is_refused_before_anything_is_written()
            throws Exception {
        // 2025 lists more than 100 (the limit set above); 2022, the first year of the history, fewer.
        ResponseEntity<String> refused = http.getForEntity("/api/reports/annual/2025?format=pdf", String.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        JsonNode problem = mapper.readTree(refused.getBody());
        assertThat(problem.get("type").asText()).endsWith("/problems/report-too-large-for-pdf");
        assertThat(problem.get("detail").asText()).contains("format=html");
        assertThat(get("/api/reports/annual/2022?format=pdf").getBody()).startsWith("%PDF".getBytes());
        // The other formats have no such limit.
        assertThat(get("/api/reports/annual/2025?format=html").getBody()).isNotEmpty();
    }

    @Test
    void the_lists_are_read_only_while_iterated_and_can_be_iterated_again() {
        ChunkedList<Integer, String> list = new ChunkedList<>(List.of(1, 2, 3, 4, 5), 2,
                slice -> slice.stream().map(i -> "#" + i).toList());
        assertThat(list).hasSize(5);
        assertThat(list.stream().toList()).containsExactly("#1", "#2", "#3", "#4", "#5");
        assertThat(new ArrayList<>(list)).containsExactly("#1", "#2", "#3", "#4", "#5");
        assertThat(new ChunkedList<Integer, String>(List.of(), 3, slice -> List.of())).isEmpty();
    }

    private ResponseEntity<byte[]> get(String url) {
        ResponseEntity<byte[]> answer = http.getForEntity(url, byte[].class);
        assertThat(answer.getStatusCode().value()).as(url).isEqualTo(200);
        return answer;
    }

    private static UUID id(String name) {
        return UUID.nameUUIDFromBytes(("streaming-" + name).getBytes(StandardCharsets.UTF_8));
    }

    private static <T extends Comparable<? super T>> T min(T a, T b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static <T extends Comparable<? super T>> T max(T a, T b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
