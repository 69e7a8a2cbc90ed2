package org.opcat.followup.query.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opcat.followup.query.report.AnnualReportFixture.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import javax.imageio.ImageIO;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.opcat.followup.events.recommendation.Position;
import org.opcat.followup.events.recommendation.RecommendationIssued;
import org.opcat.followup.query.EventLog;
import org.opcat.followup.query.FixedClock;
import org.opcat.followup.query.QueryServiceTest;
import org.opcat.followup.query.processing.Await;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The 2025 annual report over {@link AnnualReportFixture}, on real PostgreSQL through the real
 * projector and HTTP endpoint. Expected figures are worked out by hand in the comments. "Now" is
 * {@link FixedClock} (2026-06-15 12:00 UTC), so {@code knownAt} defaults to that instant.
 * The last test records more events, hence the order.
 */
@QueryServiceTest
@TestPropertySource(properties = "followup.test.context=annual-report") // own context, own database
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnnualReportTest {

    private static final String PINNED = "knownAt=" + KNOWN_10_JAN_2026;

    @Autowired
    EventLog events;
    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    void recordHistory() {
        append(events);
        awaitFacts(RECOMMENDATIONS, FACTS);
    }

    private void awaitFacts(int recommendations, int facts) {
        Await.until("the report read model caught up", Duration.ofSeconds(30), () ->
                jdbc.queryForObject("SELECT count(*) FROM report_recommendation", Integer.class) == recommendations
                        && jdbc.queryForObject("SELECT count(*) FROM report_fact", Integer.class) == facts
                        && jdbc.queryForObject("SELECT count(*) FROM authority", Integer.class) >= 2);
    }

    @Test
    @Order(1)
    void figures_of_2025_known_now() throws IOException {
        JsonNode r = report("/api/reports/annual/2025");
        assertThat(r.get("year").asInt()).isEqualTo(2025);
        assertThat(r.get("asOf").asText()).isEqualTo("2025-12-31");
        assertThat(r.get("knownAt").asText()).isEqualTo("2026-06-15T12:00:00Z");
        assertThat(r.get("audience").asText()).isEqualTo("INTERNAL");

        JsonNode s = r.get("summary");
        // issued in 2025: R5 (02-15), R6 (05-05, recorded in November), R7 (07-01); R8 is 2026.
        assertThat(s.get("issuedInYear").asInt()).isEqualTo(3);
        // implemented in 2025: R5 (10-01). R2 and R3 were implemented in 2024.
        assertThat(s.get("implementedInYear").asInt()).isEqualTo(1);
        // withdrawn in 2025: R7.
        assertThat(s.get("withdrawnInYear").asInt()).isEqualTo(1);
        // answers dated 2025: R5 by A (03-17) and the late letter, R3 by B (12-20, logged 2026-01-15).
        assertThat(s.get("responsesReceivedInYear").asInt()).isEqualTo(2);
        // plans dated 2025: R4 (02-10).
        assertThat(s.get("actionPlansFiledInYear").asInt()).isEqualTo(1);
        // visits dated 2025: R1 (04-15, recorded 05-20), R3 (06-10); R6's desk assessment is no visit.
        assertThat(s.get("followUpVisitsInYear").asInt()).isEqualTo(2);
        // open on 2025-12-31: R1, R3 (reopened), R4, R6, R9; not R2, R5 (implemented), R7 (withdrawn).
        assertThat(s.get("openAtAsOf").asInt()).isEqualTo(5);

        // Issued by 2025-12-31 and not withdrawn: R1 R2 R3 R4 R5 R6 R9 (7).
        // R1 PARTIALLY_IMPLEMENTED (visit 04-15), R2 IMPLEMENTED, R3 NOT_IMPLEMENTED (visit 06-10 after
        // the reopening), R4 NOT_ASSESSED, R5 IMPLEMENTED, R6 IN_PROGRESS (desk assessment), R9 NOT_ASSESSED.
        assertThat(counts(r.get("byImplementationStatus"))).containsExactly(
                Map.entry("NOT_ASSESSED", 2), Map.entry("NOT_IMPLEMENTED", 1), Map.entry("IN_PROGRESS", 1),
                Map.entry("PARTIALLY_IMPLEMENTED", 1), Map.entry("IMPLEMENTED", 2));

        // A: R1 R3 R5 R9 (R7 withdrawn: left out). Answered: R1 55 d, R3 60 d, R5 30 d -> median 55.
        //    Open: R1 R3 R9; implemented: R5.
        // B: R2 R3 R4 R6. Answered: R2 30 d, R4 60 d, R3 579 d (2024-05-20 to 2025-12-20) -> median 60.
        //    Open: R3 R4 R6; implemented: R2.
        // Sorted by name: "Ministry of Public Security 公安部" before "司法部监狱管理局".
        JsonNode byAuthority = r.get("byAuthority");
        assertThat(byAuthority).hasSize(2);
        assertAuthority(byAuthority.get(0), B_NAME, 4, 3, 3, 1, 60.0);
        assertAuthority(byAuthority.get(1), A_NAME, 4, 3, 3, 1, 55.0);

        // Issued before 2025 and open on 2025-12-31, by issue date: R1, R9, R3, R4.
        JsonNode unresolved = r.get("unresolvedFromPreviousReports");
        assertThat(texts(unresolved, "reference")).containsExactly("2023/V-001/R-01", "2023/V-003/R-01",
                "2024/V-010/R-02", R4_REFERENCE);
        JsonNode r1 = unresolved.get(0);
        assertThat(r1.get("stage").asText()).isEqualTo("ACTION_PLAN_FILED");
        assertThat(r1.get("implementationStatus").asText()).isEqualTo("PARTIALLY_IMPLEMENTED");
        assertThat(r1.get("authorityPosition").asText()).isEqualTo("PARTIALLY_ACCEPTED");
        assertThat(r1.at("/latestResponse/receivedOn").asText()).isEqualTo("2023-05-04");
        JsonNode r9 = unresolved.get(1);
        assertThat(r9.get("stage").asText()).isEqualTo("AWAITING_RESPONSE");
        assertThat(r9.get("latestResponse").isNull()).isTrue();
        // R3: the latest answer by date is the late letter (B, 12-20, REJECTED).
        JsonNode r3 = unresolved.get(2);
        assertThat(r3.get("stage").asText()).isEqualTo("RESPONDED");
        assertThat(r3.get("authorityPosition").asText()).isEqualTo("REJECTED");
        assertThat(r3.at("/latestResponse/text").asText()).isEqualTo(LATE_LETTER);
        assertThat(r3.at("/latestResponse/authorityName").asText()).isEqualTo(B_NAME);
        assertThat(unresolved.get(3).get("title").asText()).isEqualTo(R4_TITLE); // internal: shown

        // Issued in 2025, or earlier and open at some time in 2025 (R1, R9, R4 open on 1 January; R3
        // closed then but reopened on 03-01); not R2 (closed since 2024), not R8 (2026).
        JsonNode recommendations = r.get("recommendations");
        assertThat(texts(recommendations, "reference")).containsExactly("2023/V-001/R-01", "2023/V-003/R-01",
                "2024/V-010/R-02", R4_REFERENCE, "2025/V-020/R-01", "2025/V-021/R-01", "2025/V-022/R-01");
        // R1's 2025 events by business date: the visit of 04-15 (recorded 05-20) before the reiteration of 05-01.
        assertThat(events(recommendations.get(0))).containsExactly("2025-04-15 FOLLOW_UP_VISIT_RECORDED",
                "2025-05-01 REITERATED");
        assertThat(recommendations.get(0).get("unresolvedFromPreviousReports").asBoolean()).isTrue();
        assertThat(events(recommendations.get(1))).isEmpty();
        assertThat(events(recommendations.get(2))).containsExactly("2025-03-01 REOPENED",
                "2025-06-10 FOLLOW_UP_VISIT_RECORDED", "2025-12-20 RESPONSE_RECORDED");
        JsonNode r5 = recommendations.get(4);
        assertThat(r5.get("title").asText()).isEqualTo(R5_TITLE);
        assertThat(r5.get("stage").asText()).isEqualTo("IMPLEMENTED");
        assertThat(events(r5)).containsExactly("2025-02-15 ISSUED", "2025-03-17 RESPONSE_RECORDED",
                "2025-10-01 IMPLEMENTED");
        assertThat(r5.at("/events/1/text").asText()).isEqualTo("我们接受该建议。");
        assertThat(r5.at("/events/1/position").asText()).isEqualTo("ACCEPTED");
        assertThat(events(recommendations.get(5))).containsExactly("2025-05-05 ISSUED", "2025-09-01 IMPLEMENTATION_ASSESSED");
        assertThat(recommendations.get(6).get("stage").asText()).isEqualTo("WITHDRAWN");
        assertThat(events(recommendations.get(6))).containsExactly("2025-07-01 ISSUED", "2025-08-01 WITHDRAWN");
    }

    @Test
    @Order(2)
    void the_late_letter_counts_only_once_it_is_known() throws IOException {
        // Pinned on 2026-01-10, before the letter of 2025-12-20 was logged (2026-01-15).
        JsonNode r = report("/api/reports/annual/2025?" + PINNED);
        assertThat(r.get("knownAt").asText()).isEqualTo("2026-01-10T00:00:00Z");
        // Only R5's answer of 03-17.
        assertThat(r.at("/summary/responsesReceivedInYear").asInt()).isEqualTo(1);
        // Everything else was recorded before 2026-01-10 (R9 on 2025-03-05, R6 on 2025-11-20).
        assertThat(r.at("/summary/issuedInYear").asInt()).isEqualTo(3);
        assertThat(r.at("/summary/openAtAsOf").asInt()).isEqualTo(5);
        // B has answered R2 (30 d) and R4 (60 d) only: median 45.
        assertAuthority(r.get("byAuthority").get(0), B_NAME, 4, 2, 3, 1, 45.0);
        // R3's latest known answer is A's UNDER_CONSIDERATION of 2024-07-19.
        JsonNode r3 = r.get("unresolvedFromPreviousReports").get(2);
        assertThat(r3.get("authorityPosition").asText()).isEqualTo(Position.UNDER_CONSIDERATION.name());
        assertThat(r3.at("/latestResponse/receivedOn").asText()).isEqualTo("2024-07-19");
        assertThat(events(r.get("recommendations").get(2))).containsExactly("2025-03-01 REOPENED",
                "2025-06-10 FOLLOW_UP_VISIT_RECORDED");

        // Pinned before R9 was first recorded (2025-03-05): the 2023 recommendation is not known yet.
        JsonNode early = report("/api/reports/annual/2025?knownAt=2025-03-01T00:00:00Z");
        assertThat(texts(early.get("unresolvedFromPreviousReports"), "reference"))
                .doesNotContain("2023/V-003/R-01");
    }

    @Test
    @Order(3)
    void as_of_mid_year_describes_that_day() throws IOException {
        JsonNode s = report("/api/reports/annual/2025?asOf=2025-06-30").get("summary");
        // Window 2025-01-01..06-30. Issued: R5, R6 (05-05). Nothing implemented or withdrawn yet.
        assertThat(s.get("issuedInYear").asInt()).isEqualTo(2);
        assertThat(s.get("implementedInYear").asInt()).isZero();
        assertThat(s.get("withdrawnInYear").asInt()).isZero();
        // Answers: R5 (03-17). Plans: R4 (02-10). Visits: R1 (04-15), R3 (06-10).
        assertThat(s.get("responsesReceivedInYear").asInt()).isEqualTo(1);
        assertThat(s.get("actionPlansFiledInYear").asInt()).isEqualTo(1);
        assertThat(s.get("followUpVisitsInYear").asInt()).isEqualTo(2);
        // Open on 06-30: R1, R3, R4, R5 (implemented only in October), R6, R9; R7 not yet issued.
        assertThat(s.get("openAtAsOf").asInt()).isEqualTo(6);

        // asOf after the year: the year's activity stops on 2025-12-31, the state is that of 2026-03-31.
        JsonNode later = report("/api/reports/annual/2025?asOf=2026-03-31");
        // Still R5, R6, R7 issued in 2025; R8 (2026-02-01) is not of the year...
        assertThat(later.at("/summary/issuedInYear").asInt()).isEqualTo(3);
        // ...but it is open on 2026-03-31, with the five open at the end of 2025.
        assertThat(later.at("/summary/openAtAsOf").asInt()).isEqualTo(6);
        assertThat(later.at("/summary/responsesReceivedInYear").asInt()).isEqualTo(2);
        // R8 is in no list of the 2025 report: neither issued in 2025 nor open during it.
        assertThat(texts(later.get("recommendations"), "reference")).doesNotContain("2026/V-030/R-01");
    }

    @Test
    @Order(4)
    void public_report_withholds_confidential_details_in_every_format_but_counts_them() throws IOException {
        JsonNode internal = report("/api/reports/annual/2025");
        JsonNode pub = report("/api/reports/annual/2025?audience=public");
        assertThat(pub.get("audience").asText()).isEqualTo("PUBLIC");
        assertThat(pub.get("summary")).isEqualTo(internal.get("summary"));
        assertThat(pub.get("byImplementationStatus")).isEqualTo(internal.get("byImplementationStatus"));
        assertThat(pub.get("byAuthority")).isEqualTo(internal.get("byAuthority"));
        JsonNode withheld = pub.get("unresolvedFromPreviousReports").get(3);
        assertThat(withheld.get("withheld").asBoolean()).isTrue();
        assertThat(withheld.get("reference").isNull()).isTrue();
        assertThat(withheld.get("stage").asText()).isEqualTo("ACTION_PLAN_FILED"); // status still shown

        List<String> secrets = List.of(R4_REFERENCE, R4_TITLE, R4_TEXT, R4_RESPONSE, "Confidential-text-marker",
                "Confidential-answer-marker", "Confidential-measure-marker", "单独关押", R4.toString());
        for (String lang : List.of("en", "zh")) {
            for (String format : List.of("json", "html", "csv", "pdf")) {
                String url = "/api/reports/annual/2025?audience=public&lang=" + lang + "&format=" + format;
                byte[] body = get(url).getBody();
                String readable = format.equals("pdf") ? pdfText(body) : new String(body, StandardCharsets.UTF_8);
                for (String secret : secrets) {
                    assertThat(readable).as(format + " " + lang + " must not show " + secret).doesNotContain(secret);
                    assertThat(new String(body, StandardCharsets.ISO_8859_1)).doesNotContain(
                            new String(secret.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
                }
            }
        }
        // The internal report does show them (the search above would find them).
        String internalHtml = new String(get("/api/reports/annual/2025?format=html").getBody(), StandardCharsets.UTF_8);
        assertThat(internalHtml).contains(R4_TITLE, R4_REFERENCE, "(confidential: internal edition only)");
        assertThat(pdfText(get("/api/reports/annual/2025?format=pdf&lang=zh").getBody())).contains(R4_TITLE);
    }

    @Test
    @Order(5)
    void html_is_a_complete_escaped_localized_document_with_charts() {
        ResponseEntity<byte[]> answer = get("/api/reports/annual/2025?format=html&lang=zh");
        assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        Document html = Jsoup.parse(new String(answer.getBody(), StandardCharsets.UTF_8));
        assertThat(html.selectFirst("html").attr("lang")).isEqualTo("zh");
        assertThat(html.title()).isEqualTo("2025年度报告：建议的落实情况");
        assertThat(html.text()).contains("以往公布的报告中未解决的问题", "提出的建议以及机关对这些建议做出的反应",
                "2025年12月31日", "部分落实", "已提交行动计划", "后续查访");
        // The script-tag title is text, not an element.
        assertThat(html.select("script")).isEmpty();
        assertThat(html.text()).contains(R5_TITLE);
        // Summary and status tables carry the json's figures.
        assertThat(cell(html, "#summary tr[data-key=openAtAsOf] td")).isEqualTo("5");
        assertThat(cell(html, "#summary tr[data-key=responsesReceivedInYear] td")).isEqualTo("2");
        assertThat(cell(html, "#byImplementationStatus tr[data-key=IMPLEMENTED] td.n")).isEqualTo("2");
        Element b = html.selectFirst("#byAuthority tr[data-id=" + B + "]");
        assertThat(b.select("td").eachText()).containsExactly(B_NAME, "4", "3", "3", "1", "60");
        // Two charts, embedded as PNG.
        assertThat(html.select("img.chart")).hasSize(2)
                .allSatisfy(img -> assertThat(img.attr("src")).startsWith("data:image/png;base64,"));

        Document english = Jsoup.parse(new String(get("/api/reports/annual/2025?format=html&lang=en").getBody(),
                StandardCharsets.UTF_8));
        assertThat(english.title()).isEqualTo("Annual report 2025: implementation of recommendations");
        assertThat(english.text()).contains("Unresolved issues from previous reports", "31 December 2025",
                "Partially implemented", "Action plan filed");
    }

    @Test
    @Order(6)
    void csv_has_one_quoted_row_per_recommendation_with_a_byte_order_mark() throws IOException {
        ResponseEntity<byte[]> answer = get("/api/reports/annual/2025?format=csv&lang=zh");
        assertThat(answer.getHeaders().getContentType().toString()).startsWith("text/csv");
        byte[] body = answer.getBody();
        assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        List<CSVRecord> rows;
        try (CSVParser parser = CSVParser.parse(new StringReader(text),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            assertThat(parser.getHeaderNames()).startsWith("编号", "标题", "提出日期");
            rows = parser.getRecords();
        }
        assertThat(rows).hasSize(7);
        assertThat(rows.stream().map(row -> row.get("编号")).toList()).containsExactly("2023/V-001/R-01",
                "2023/V-003/R-01", "2024/V-010/R-02", R4_REFERENCE, "2025/V-020/R-01", "2025/V-021/R-01",
                "2025/V-022/R-01");
        CSVRecord r1 = rows.get(0);
        assertThat(r1.get("阶段")).isEqualTo("已提交行动计划");
        assertThat(r1.get("落实情况")).isEqualTo("部分落实");
        assertThat(r1.get("机关立场")).isEqualTo("部分接受");
        assertThat(r1.get("以往报告中未解决")).isEqualTo("是");
        assertThat(r1.get("提出日期")).isEqualTo("2023-03-10");
        CSVRecord r3 = rows.get(2);
        assertThat(r3.get("致送机关")).isEqualTo(A_NAME + "; " + B_NAME);
        assertThat(r3.get("机关立场")).isEqualTo("不接受");
        assertThat(rows.get(5).get("标题")).isEqualTo(R6_TITLE);
        assertThat(rows.get(6).get("阶段")).isEqualTo("已撤回");

        // Quotes, commas and line breaks survive the round trip (English labels this time).
        String english = new String(get("/api/reports/annual/2025?format=csv&lang=en").getBody(),
                StandardCharsets.UTF_8).substring(1);
        try (CSVParser parser = CSVParser.parse(new StringReader(english),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            CSVRecord r5 = parser.getRecords().get(4);
            assertThat(r5.get("Title")).isEqualTo(R5_TITLE);
            assertThat(r5.get("Stage")).isEqualTo("Implemented");
        }
    }

    @Test
    @Order(6)
    void csv_cells_never_open_as_a_formula_in_the_internal_or_the_public_report() throws IOException {
        for (String audience : List.of("internal", "public")) {
            String text = new String(get("/api/reports/annual/2025?format=csv&lang=en&audience=" + audience).getBody(),
                    StandardCharsets.UTF_8).substring(1);
            try (CSVParser parser = CSVParser.parse(new StringReader(text),
                    CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
                List<CSVRecord> rows = parser.getRecords();
                CSVRecord r7 = rows.stream().filter(r -> r.get("Reference").equals("2025/V-022/R-01")).findFirst().orElseThrow();
                assertThat(r7.get("Title")).as(audience).isEqualTo("'" + R7_TITLE);
                assertThat(r7.get("Events in the year")).as("a number, not text: left as it is").isEqualTo("2");
                for (CSVRecord row : rows) {
                    for (String cell : row.values()) {
                        assertThat(cell).as(audience).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-")
                                .doesNotStartWith("@").doesNotStartWith("\t").doesNotStartWith("\r");
                    }
                }
            }
        }
    }

    @Test
    @Order(7)
    void pdf_embeds_a_cjk_font_and_shows_the_chinese_text() throws IOException {
        ResponseEntity<byte[]> answer = get("/api/reports/annual/2025?format=pdf&lang=zh");
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        byte[] pdf = answer.getBody();
        String text = pdfText(pdf);
        assertThat(text).contains("2025年度报告：建议的落实情况", "以往公布的报告中未解决的问题", R6_TITLE, A_NAME,
                LATE_LETTER, R5_TITLE, "情况截至", "2025年12月31日");
        // The ideographs as written, not the look-alike Kangxi radicals (U+2F00-U+2FDF) sharing their glyphs.
        assertThat(text.codePoints().filter(c -> c >= 0x2F00 && c <= 0x2FDF).count()).isZero();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<String> fonts = new ArrayList<>();
            for (var page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    fonts.add(page.getResources().getFont(name).getName());
                }
            }
            assertThat(fonts).isNotEmpty().allSatisfy(font -> assertThat(font).contains("NotoSansSC"));
            // One page as a picture, for a person to look at (target/annual-report-2025-zh.png).
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 110);
            Path png = Path.of("target", "annual-report-2025-zh-page1.png");
            ImageIO.write(page, "png", png.toFile());
            for (int i = 1; i < document.getNumberOfPages(); i++) {
                ImageIO.write(new PDFRenderer(document).renderImageWithDPI(i, 110), "png",
                        Path.of("target", "annual-report-2025-zh-page" + (i + 1) + ".png").toFile());
            }
            assertThat(Files.size(png)).isPositive();
        }
        // The public edition's page with the unresolved table, for a look at the withheld row.
        try (PDDocument document = Loader.loadPDF(get("/api/reports/annual/2025?format=pdf&lang=zh&audience=public")
                .getBody())) {
            ImageIO.write(new PDFRenderer(document).renderImageWithDPI(1, 110), "png",
                    Path.of("target", "annual-report-2025-zh-public-page2.png").toFile());
        }
    }

    @Test
    @Order(8)
    void bad_parameters_are_refused_as_problems() {
        for (String query : List.of("/api/reports/annual/abc", "/api/reports/annual/1800",
                "/api/reports/annual/2027", "/api/reports/annual/2025?asOf=31.12.2025",
                "/api/reports/annual/2025?asOf=2024-12-31", "/api/reports/annual/2025?format=xml",
                "/api/reports/annual/2025?lang=fr", "/api/reports/annual/2025?audience=everyone",
                "/api/reports/annual/2025?knownAt=yesterday", "/api/reports/annual/2025?knownAt=2026-01-15",
                "/api/reports/annual/2025?knownAt=2030-01-01T00:00:00Z")) {
            ResponseEntity<String> answer = http.getForEntity(query, String.class);
            assertThat(answer.getStatusCode().value()).as(query).isEqualTo(400);
            assertThat(answer.getHeaders().getContentType().toString()).as(query)
                    .isEqualTo("application/problem+json");
            assertThat(answer.getBody()).as(query).contains("\"status\":400");
        }
    }

    @Test
    @Order(100)
    void a_pinned_report_stays_the_same_whatever_is_recorded_later() throws IOException {
        byte[] before = get("/api/reports/annual/2025?" + PINNED).getBody();
        byte[] csvBefore = get("/api/reports/annual/2025?format=csv&" + PINNED).getBody();
        JsonNode nowBefore = report("/api/reports/annual/2025");

        // Recorded today (2026-06-15 09:30): another late letter for 2025 and a back-dated 2025 recommendation.
        events.append("Recommendation", R6, 2, response(R6, B, "2025-12-30", Position.ACCEPTED, "迟到的答复"),
                "analyst", FixedClock.at(FixedClock.TODAY));
        RecommendationIssued late = issued(id("R10"), "2025/V-099/R-01", "补录的建议", "补录。", "2025-12-01", false, A);
        events.append("Recommendation", late.recommendationId(), 0, late, "analyst", FixedClock.at(FixedClock.TODAY));
        awaitFacts(RECOMMENDATIONS + 1, FACTS + 1);

        assertThat(get("/api/reports/annual/2025?" + PINNED).getBody()).isEqualTo(before);
        assertThat(get("/api/reports/annual/2025?format=csv&" + PINNED).getBody()).isEqualTo(csvBefore);
        // While the unpinned report sees them.
        JsonNode nowAfter = report("/api/reports/annual/2025");
        assertThat(nowAfter.at("/summary/issuedInYear").asInt())
                .isEqualTo(nowBefore.at("/summary/issuedInYear").asInt() + 1);
        assertThat(nowAfter.at("/summary/responsesReceivedInYear").asInt())
                .isEqualTo(nowBefore.at("/summary/responsesReceivedInYear").asInt() + 1);

        // Written by another process (command-service) and asked for at once, without waiting: the
        // report waits until the read model holds every event recorded by its knownAt.
        events.appendAsAnotherProcess("Recommendation", R9, 1,
                response(R9, A, "2025-12-31", Position.ACCEPTED, "另一封答复"), "analyst",
                FixedClock.at(FixedClock.TODAY));
        JsonNode immediately = report("/api/reports/annual/2025");
        assertThat(immediately.at("/summary/responsesReceivedInYear").asInt())
                .isEqualTo(nowAfter.at("/summary/responsesReceivedInYear").asInt() + 1);
    }

    // --- helpers -----------------------------------------------------------------------------

    private ResponseEntity<byte[]> get(String url) {
        ResponseEntity<byte[]> answer = http.getForEntity(url, byte[].class);
        assertThat(answer.getStatusCode().value()).as(url).isEqualTo(200);
        return answer;
    }

    private JsonNode report(String url) throws IOException {
        return json.readTree(get(url).getBody());
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static Map<String, Integer> counts(JsonNode object) {
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        object.fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asInt()));
        return counts;
    }

    private static List<String> texts(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.get(field).asText()).toList();
    }

    private static List<String> events(JsonNode recommendation) {
        return StreamSupport.stream(recommendation.get("events").spliterator(), false)
                .map(e -> e.get("date").asText() + " " + e.get("type").asText()).toList();
    }

    private static void assertAuthority(JsonNode a, String name, int addressed, int responded, int open,
            int implemented, double median) {
        assertThat(a.get("name").asText()).isEqualTo(name);
        assertThat(List.of(a.get("addressed").asInt(), a.get("responded").asInt(), a.get("open").asInt(),
                a.get("implemented").asInt())).containsExactly(addressed, responded, open, implemented);
        assertThat(a.get("medianDaysToFirstResponse").asDouble()).isEqualTo(median);
    }

    private static String cell(Document html, String selector) {
        return html.selectFirst(selector).text();
    }
}
