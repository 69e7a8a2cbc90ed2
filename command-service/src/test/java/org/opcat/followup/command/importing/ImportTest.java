package org.opcat.followup.command.importing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.opcat.followup.command.api.Api;
import org.opcat.followup.command.api.Api.Answer;
import org.opcat.followup.spreadsheet.HeaderLanguage;
import org.opcat.followup.spreadsheet.Sheet;
import org.opcat.followup.spreadsheet.SheetWriter;
import org.opcat.followup.spreadsheet.samples.HostileWorkbooks;
import org.springframework.beans.factory.annotation.Autowired;

/** The import endpoint: dry run, real run, re-import, created registers, refusals, status, templates. */
@ImportingTest
class ImportTest {

    private static final String HEADER = "reference,title,text,language,issuedOn,sourceKind,documentReference,place,"
            + "addressees,themes,scope,priority,standards,responseDueOn,confidential\n";

    @Autowired
    Api api;

    private static String row(String reference, String issuedOn, String place, String addressees) {
        return reference + ",\"Medical screening on admission\",\"All detainees are examined by a doctor within 24 hours, "
                + "as rule 30 requires; \"\"urgently\"\".\",en," + issuedOn + ",VISIT_REPORT,Visit report 2025/V-1,"
                + place + "," + addressees + ",Health-Care;health-care;screening,"
                + (place.isEmpty() ? "SYSTEMIC" : "PLACE_SPECIFIC") + ",urgent,Nelson Mandela Rules rule 30,,no\n";
    }

    @Test
    void aDryRunReportsEveryProblemByRowAndColumnAndStoresNothing() {
        api.registerAuthority("Ministry of Justice", "MINISTRY", null);
        String file = HEADER
                + row("IMP-1", "2025-03-01", "", "ministry of justice ")
                + row("IMP-2", "2025-02-30", "", "Ministry of Justice")
                + row("IMP-3", "2025-03-01", "", "Ministry of Health")
                + row("IMP-4", "2027-01-01", "", "Ministry of Justice")
                + row("IMP-1", "2025-03-01", "", "Ministry of Justice");
        long before = api.storedEvents();
        Answer answer = Uploads.csv(api, "dryRun=true", file);
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        List<String> problems = new ArrayList<>();
        answer.json().get("errors").forEach(e -> problems.add(e.get("sheet").asText() + ":" + e.get("row").asInt() + ":"
                + e.get("column").asText()));
        assertThat(problems).containsExactly("recommendations:3:issuedOn", "recommendations:4:addressees",
                "recommendations:5:issuedOn", "recommendations:6:reference");
        assertThat(answer.json().get("errors").get(0).get("message").asText()).contains("not a date: 2025-02-30");
        assertThat(answer.json().get("errors").get(2).get("message").asText()).contains("in the future");
        assertThat(api.storedEvents()).isEqualTo(before);
    }

    @Test
    void choicesAreReadByTheirEnglishOrChineseLabelsAndAWrongOneIsReportedByCodeWithTheAllowedValues() {
        api.registerAuthority("Labels Ministry", "MINISTRY", null);
        String file = HEADER
                + "LAB-1,标题,正文,中文,2025-03-01,查访报告,,,Labels Ministry,,系统性（不针对特定场所）,高,,,否\n"
                + "LAB-2,Title,Text,English,2025-03-01,Visit report,,,Labels Ministry,,Systemic (no single place),Urgent,,,yes\n"
                + "LAB-3,Title,Text,en,2025-03-01,某种报告,,,Labels Ministry,,SYSTEMIC,HIGH,,,也许\n";
        Answer answer = Uploads.csv(api, "dryRun=true", file);
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        List<String> problems = new ArrayList<>();
        answer.json().get("errors").forEach(e -> problems.add(e.get("row").asInt() + ":" + e.get("column").asText() + ":"
                + e.path("code").asText()));
        assertThat(problems).containsExactly("4:sourceKind:not-one-of-values", "4:confidential:not-a-boolean");
        var sourceKind = answer.json().get("errors").get(0);
        assertThat(sourceKind.get("args").get("value").asText()).isEqualTo("某种报告");
        assertThat(sourceKind.get("args").get("allowed").toString()).contains("VISIT_REPORT", "SPT_REPORT");
    }

    @Test
    void aRuleOfTheAggregateIsReportedAtItsRowAndTheWholeFileIsRefused() {
        api.registerAuthority("Ombudsman Office", "OTHER", null);
        api.registerAuthority("Prison Service", "DETENTION_ADMINISTRATION", null);
        Map<Sheet, List<Map<String, String>>> workbook = new LinkedHashMap<>();
        workbook.put(Sheet.RECOMMENDATIONS, List.of(recommendation("RUL-1", "Ombudsman Office")));
        workbook.put(Sheet.RESPONSES, List.of(
                response("RUL-1", "Ombudsman Office", "2025-04-01"),
                response("RUL-1", "Prison Service", "2025-04-02"),
                response("RUL-1", "Ombudsman Office", "2025-01-01")));
        long before = api.storedEvents();
        Answer answer = Uploads.xlsx(api, "", SheetWriter.xlsx(HeaderLanguage.EN, workbook));
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        JsonNode errors = answer.json().get("errors");
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0).get("sheet").asText()).isEqualTo("responses");
        assertThat(errors.get(0).get("row").asInt()).isEqualTo(3);
        assertThat(errors.get(0).get("column").asText()).isEqualTo("authority");
        assertThat(errors.get(0).get("message").asText()).contains("not addressed");
        assertThat(errors.get(1).get("row").asInt()).as(answer.body()).isEqualTo(4);
        assertThat(errors.get(1).get("column").asText()).as(answer.body()).isEqualTo("receivedOn");
        assertThat(errors.get(1).get("column").asText()).isEqualTo("receivedOn");
        assertThat(api.storedEvents()).as("a file goes in whole or not at all").isEqualTo(before);
    }

    @Test
    void createsMissingRegistersOnlyWhenAskedAndAReimportStoresNothingNew() {
        Map<Sheet, List<Map<String, String>>> workbook = new LinkedHashMap<>();
        Map<String, String> rec = recommendation("NEW-1", "Department of Corrections; Regional Court");
        rec.put("place", "Central Remand Centre");
        rec.put("scope", "PLACE_SPECIFIC");
        workbook.put(Sheet.RECOMMENDATIONS, List.of(rec));
        workbook.put(Sheet.RESPONSES, List.of(response("NEW-1", "Department of Corrections", "2025-04-01")));
        workbook.put(Sheet.ACTION_PLANS, List.of(
                measure("NEW-1", "P1", "Hire two doctors", "2025-12-31"),
                measure("NEW-1", "P1", "Screening register", "2026-01-31")));
        workbook.put(Sheet.FOLLOW_UP_VISITS, List.of(Map.of("reference", "NEW-1", "visitedOn", "2026-02-10",
                "findings", "One doctor hired; the register exists.", "assessedStatus", "partially implemented")));
        byte[] file = SheetWriter.xlsx(HeaderLanguage.EN, workbook);
        long before = api.storedEvents();
        long lastIndex = api.jdbc().queryForObject("SELECT coalesce(max(globalIndex), 0) FROM events.domain_event_entry", Long.class);

        Answer refused = Uploads.xlsx(api, "dryRun=true", file);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("errors").findValuesAsText("message"))
                .anyMatch(m -> m.contains("no authority named Department of Corrections"));
        // The analyst's dry run lists what is missing, for an administrator to register.
        assertThat(texts(refused.json().get("missing").get("authorities")))
                .containsExactly("Department of Corrections", "Regional Court");
        assertThat(texts(refused.json().get("missing").get("places"))).containsExactly("Central Remand Centre");

        // Registers belong to administrators: an analyst may not have the import register them.
        for (String query : List.of("dryRun=true&createMissing=true", "createMissing=true")) {
            Answer forbidden = Uploads.xlsx(api, query, file);
            assertThat(forbidden.status()).as(forbidden.body()).isEqualTo(403);
            assertThat(forbidden.contentType()).startsWith("application/problem+json");
            assertThat(forbidden.json().get("type").asText()).endsWith("/problems/forbidden");
            assertThat(forbidden.json().get("errors").get(0).get("field").asText()).isEqualTo("createMissing");
        }
        assertThat(api.storedEvents()).isEqualTo(before);

        Api admin = api.as("admin");
        Answer dryRun = Uploads.xlsx(admin, "dryRun=true&createMissing=true", file);
        assertThat(dryRun.status()).as(dryRun.body()).isEqualTo(200);
        assertThat(dryRun.json().get("state").asText()).isEqualTo("VALID");
        assertThat(texts(dryRun.json().get("wouldCreate").get("authorities")))
                .containsExactly("Department of Corrections", "Regional Court");
        assertThat(texts(dryRun.json().get("wouldCreate").get("places"))).containsExactly("Central Remand Centre");
        assertThat(dryRun.json().get("newEvents").asLong()).as("2 authorities, a place, issue, response, plan, visit").isEqualTo(7);
        assertThat(api.storedEvents()).isEqualTo(before);

        UUID importId = UUID.randomUUID();
        Answer stored = Uploads.xlsx(admin, "createMissing=true&importId=" + importId, file);
        assertThat(stored.status()).as(stored.body()).isEqualTo(200);
        assertThat(stored.json().get("state").asText()).isEqualTo("IMPORTED");
        // 2 authorities, 1 place, issued, response, plan, visit
        assertThat(api.storedEvents()).isEqualTo(before + 7);
        assertThat(api.jdbc().queryForList("SELECT globalIndex FROM events.domain_event_entry WHERE globalIndex > ? "
                + "ORDER BY globalIndex", Long.class, lastIndex))
                .as("two dry runs drew nothing from the global index: no holes for the query side to carry")
                .containsExactly(lastIndex + 1, lastIndex + 2, lastIndex + 3, lastIndex + 4, lastIndex + 5, lastIndex + 6, lastIndex + 7);
        Long measures = api.jdbc().queryForObject("SELECT json_array_length(convert_from(payload, 'UTF8')::json -> 'measures') "
                + "FROM events.domain_event_entry WHERE payloadType LIKE '%ActionPlanFiled' "
                + "AND convert_from(payload, 'UTF8') LIKE '%Hire two doctors%'", Long.class);
        assertThat(measures).isEqualTo(2);

        Answer status = api.get("/api/imports/" + importId);
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.json().get("state").asText()).isEqualTo("IMPORTED");
        assertThat(status.json().get("rowsDone").asInt()).isEqualTo(status.json().get("rowsTotal").asInt()).isEqualTo(5);

        Answer again = Uploads.xlsx(admin, "createMissing=true", file);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(texts(again.json().get("created").get("authorities"))).as("found by name now").isEmpty();
        assertThat(again.json().get("newEvents").asLong()).isZero();
        assertThat(api.storedEvents()).as("the same file twice stores nothing new").isEqualTo(before + 7);
    }

    @Test
    void aResponsesFileAnswersARecommendationRecordedThroughTheApi() {
        UUID ministry = api.registerAuthority("Ministry of the Interior", "MINISTRY", null);
        Map<String, Object> issue = org.opcat.followup.command.api.CommandApiTest.recommendation("API-1/R-1", null, ministry);
        issue.put("scope", "SYSTEMIC");
        issue.remove("placeId");
        Answer issued = api.post("/api/recommendations", issue);
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String csv = "\uFEFFreference,authority,receivedOn,channel,position,text\n"
                + " api-1/r-1 ,MINISTRY OF THE INTERIOR,2025-07-01,written,partially accepted,\"Accepted, in part.\"\n";
        long before = api.storedEvents();
        Answer imported = Uploads.csv(api, "sheet=responses", csv);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(api.storedEvents()).isEqualTo(before + 1);
        assertThat(api.jdbc().queryForObject("SELECT aggregateIdentifier FROM events.domain_event_entry "
                + "WHERE payloadType LIKE '%AuthorityResponseRecorded' AND convert_from(payload, 'UTF8') LIKE '%Accepted, in part.%'",
                String.class)).isEqualTo(issued.json().get("recommendationId").asText());
        assertThat(Uploads.csv(api, "sheet=responses", csv).status()).isEqualTo(200);
        assertThat(api.storedEvents()).as("again: nothing new").isEqualTo(before + 1);
    }

    @Test
    void onlyAnalystsAndAdministratorsImport() {
        byte[] file = (HEADER + row("RGT-1", "2025-03-01", "", "Nobody")).getBytes(StandardCharsets.UTF_8);
        assertThat(Uploads.upload(api.as("manager"), "dryRun=true", "a.csv", "text/csv", file).status()).isEqualTo(403);
        assertThat(Uploads.upload(api.as("reporter"), "dryRun=true", "a.csv", "text/csv", file).status()).isEqualTo(403);
        assertThat(Uploads.upload(api.withCredentials(null, null), "dryRun=true", "a.csv", "text/csv", file).status()).isEqualTo(401);
        assertThat(Uploads.upload(api.as("admin"), "dryRun=true", "a.csv", "text/csv", file).status()).isEqualTo(400);
        assertThat(api.as("manager").get("/api/imports/template.csv").status()).isEqualTo(403);
    }

    @Test
    void badFilesAreRefusedWithProblemAnswers() {
        long before = api.storedEvents();
        expectProblem(Uploads.csv(api, "", ""), 400, "the file is empty");
        expectProblem(Uploads.csv(api, "", "\uFEFF" + HEADER), 400, "no data rows");
        expectProblem(Uploads.csv(api, "", HEADER.replace("themes", "colour") + row("B-1", "2025-03-01", "", "X")),
                400, "unknown header colour");
        expectProblem(Uploads.csv(api, "", "reference,title\nB-2,t\n"), 400, "missing column");
        expectProblem(Uploads.upload(api, "", "report.pdf", "application/pdf", "%PDF-1.4".getBytes(StandardCharsets.UTF_8)),
                415, "upload a .csv or .xlsx file");
        expectProblem(Uploads.upload(api, "", "broken.xlsx", "application/octet-stream", "not a zip".getBytes(StandardCharsets.UTF_8)),
                400, "not a readable XLSX");
        expectProblem(Uploads.upload(api, "", "latin1.csv", "text/csv", "reference\n\u00e9".getBytes(StandardCharsets.ISO_8859_1)),
                400, "not UTF-8");
        expectProblem(Uploads.csv(api, "sheet=budget", HEADER), 400, "sheet must be one of");
        expectProblem(Uploads.csv(api, "sheet=action-plans", "reference,planKey,authority,filedOn,measure,responsibleUnit,targetDate\n"
                + "NOPE-1,,Somebody,2025-01-01,m,u,2025-02-01\n"), 400, "problem");
        expectProblem(Uploads.csv(api, "dryRun=perhaps", HEADER), 400, null);
        expectProblem(api.post("/api/imports", "{}"), 415, null);
        byte[] huge = new byte[20 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) 'x');
        expectProblem(Uploads.upload(api, "", "huge.csv", "text/csv", huge), 413, null);
        expectProblem(api.get("/api/imports/" + UUID.randomUUID()), 404, null);
        assertThat(api.storedEvents()).isEqualTo(before);
    }

    @Test
    void aWorkbookThatUnpacksToGigabytesIsRefusedAtOnce() {
        long before = api.storedEvents();
        byte[] bomb = HostileWorkbooks.zipBomb(1_000_000_000L);
        long started = System.nanoTime();
        Answer answer = Uploads.xlsx(api, "dryRun=true", bomb);
        expectProblem(answer, 400, "zip bomb");
        assertThat(answer.json().get("type").asText()).endsWith("/invalid-import");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("refused before a gigabyte is unpacked")
                .isLessThan(Duration.ofSeconds(20));
        Answer rows = Uploads.xlsx(api, "", HostileWorkbooks.rows(1_000_000));
        expectProblem(rows, 400, "more than 50000 rows");
        assertThat(rows.json().get("errors").get(0).get("sheet").asText()).isEqualTo("recommendations");
        assertThat(api.storedEvents()).isEqualTo(before);
    }

    @Test
    void templatesCarryTheHeadersInEitherLanguage() throws Exception {
        Answer csv = api.get("/api/imports/template.csv?lang=zh");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).startsWith("\uFEFF编号,标题,正文");
        Answer responses = api.get("/api/imports/template.csv?sheet=responses");
        assertThat(responses.body()).startsWith("\uFEFFreference,authority,receivedOn");
        byte[] xlsx = api.getBytes("/api/imports/template.xlsx?lang=zh");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            // The four sheets of the layout, and the allowed values of the choice columns.
            assertThat(workbook.getNumberOfSheets()).isEqualTo(5);
            assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo("建议");
            assertThat(workbook.getSheetAt(4).getSheetName()).isEqualTo("可用值");
            assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("编号");
        }
    }

    private static void expectProblem(Answer answer, int status, String detail) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).as(answer.body()).startsWith("application/problem+json");
        if (detail != null) {
            assertThat(answer.body()).contains(detail);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    static Map<String, String> recommendation(String reference, String addressees) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("reference", reference);
        row.put("title", "Medical screening on admission");
        row.put("text", "All detainees are examined by a doctor within 24 hours.");
        row.put("language", "en");
        row.put("issuedOn", "2025-03-01");
        row.put("sourceKind", "VISIT_REPORT");
        row.put("addressees", addressees);
        row.put("themes", "health-care");
        row.put("scope", "SYSTEMIC");
        row.put("priority", "HIGH");
        row.put("confidential", "false");
        return row;
    }

    static Map<String, String> response(String reference, String authority, String receivedOn) {
        return Map.of("reference", reference, "authority", authority, "receivedOn", receivedOn, "channel", "WRITTEN",
                "position", "ACCEPTED", "text", "We agree and will act.");
    }

    static Map<String, String> measure(String reference, String planKey, String measure, String targetDate) {
        return Map.of("reference", reference, "planKey", planKey, "authority", "Department of Corrections",
                "filedOn", "2025-05-01", "measure", measure, "responsibleUnit", "Health unit", "targetDate", targetDate);
    }
}
