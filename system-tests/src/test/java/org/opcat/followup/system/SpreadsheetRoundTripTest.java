package org.opcat.followup.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.opcat.followup.spreadsheet.FileFormat;
import org.opcat.followup.spreadsheet.HeaderLanguage;
import org.opcat.followup.spreadsheet.Sheet;
import org.opcat.followup.spreadsheet.SheetReader;
import org.opcat.followup.spreadsheet.SheetRow;
import org.opcat.followup.spreadsheet.SheetWriter;
import org.opcat.followup.spreadsheet.samples.ChineseWorkbook;
import org.opcat.followup.spreadsheet.samples.UprRecommendations;
import org.opcat.followup.spreadsheet.samples.UprRecommendations.Upr;

/**
 * The spreadsheet's round trip, on the product as it runs: the 4,588 real UPR recommendations and a Chinese
 * NPM's workbook go in, come out of the query side's export, and that export, imported into an
 * empty system, yields the same recommendations: its own export is the same file, sheet by sheet,
 * row by row. The UPR file's dry run and second import are command-service's UprDataTest (in
 * process, quicker); here the Chinese files go through all three.
 */
class SpreadsheetRoundTripTest {

    private static final String EXPORT = "/api/exports/recommendations.xlsx?lang=zh";
    /** The Chinese recommendations about health care, as an analyst would pick them out in a CSV. */
    private static final String CHINESE_CSV = "/api/exports/recommendations.csv?theme=%E5%8C%BB%E7%96%97";

    @Test
    void realDataAndAChineseWorkbookSurviveExportAndImportIntoAnEmptySystem() throws Exception {
        List<Upr> upr = UprRecommendations.read();
        int recommendations = upr.size() + ChineseWorkbook.ROWS;
        byte[] exported;
        byte[] exportedCsv;
        try (Stack first = Stack.start("round-trip-first")) {
            importOnce(first, "upr-detention-torture.xlsx", SheetWriter.xlsx(HeaderLanguage.EN, UprRecommendations.layout(upr)), -1);
            importThrice(first, "查访建议.xlsx", SheetWriter.xlsx(HeaderLanguage.ZH, ChineseWorkbook.workbook()));
            awaitProjected(first, recommendations);
            exported = first.query().download("analyst", EXPORT);
            exportedCsv = first.query().download("analyst", CHINESE_CSV);
        }

        Map<Sheet, List<SheetRow>> out = SheetReader.read(exported, FileFormat.XLSX, null);
        assertThat(out.get(Sheet.RECOMMENDATIONS)).as("every row arrived").hasSize(recommendations);
        assertThat(positions(out, "UPR-S")).isEqualTo(upr.stream().collect(Collectors.groupingBy(
                u -> UprRecommendations.position(u.response()), Collectors.counting())));
        assertThat(themes(out, "UPR-S")).isEqualTo(upr.stream().flatMap(u -> u.themes().stream())
                .collect(Collectors.groupingBy(t -> t, Collectors.counting())));
        assertThat(out.get(Sheet.RECOMMENDATIONS).stream().map(row -> row.value("title")))
                .as("Chinese intact").contains(ChineseWorkbook.TITLES[0] + "（第1条）");
        List<SheetRow> chineseCsv = SheetReader.read(exportedCsv, FileFormat.CSV, Sheet.RECOMMENDATIONS).get(Sheet.RECOMMENDATIONS);
        assertThat(chineseCsv).hasSize(ChineseWorkbook.ROWS / 2)
                .allSatisfy(row -> assertThat(row.list("themes")).contains("医疗"));

        try (Stack second = Stack.start("round-trip-second")) {
            // The CSV first: when the workbook follows, its 18 recommendations must be recognized as
            // the same (content and all), or the workbook's import is refused as a conflict.
            importThrice(second, "建议.csv", exportedCsv);
            importOnce(second, "recommendations.xlsx", exported, -1);
            awaitProjected(second, recommendations);
            Map<Sheet, List<SheetRow>> again = SheetReader.read(second.query().download("analyst", EXPORT), FileFormat.XLSX, null);
            for (Sheet sheet : Sheet.values()) {
                assertThat(cells(again, sheet)).as(sheet.key()).isEqualTo(cells(out, sheet));
            }
        }
    }

    /** Dry run (stores nothing), import, the same file again (stores nothing new). */
    private static void importThrice(Stack stack, String fileName, byte[] file) throws Exception {
        long before = storedEvents(stack);
        Http.Answer dryRun = stack.command().upload("admin", "/api/imports?dryRun=true&createMissing=true", fileName, file);
        assertThat(dryRun.status()).as(dryRun.body()).isEqualTo(200);
        assertThat(dryRun.json().get("state").asText()).isEqualTo("VALID");
        long wouldAdd = dryRun.json().get("newEvents").asLong();
        assertThat(wouldAdd).isPositive();
        assertThat(storedEvents(stack)).as("a dry run stores nothing").isEqualTo(before);

        importOnce(stack, fileName, file, wouldAdd);

        Http.Answer again = stack.command().upload("admin", "/api/imports?createMissing=true", fileName, file);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("newEvents").asLong()).isZero();
        assertThat(storedEvents(stack)).as("the same file twice stores nothing new").isEqualTo(before + wouldAdd);
    }

    /** @param adds the events the import must add, -1: any number */
    private static void importOnce(Stack stack, String fileName, byte[] file, long adds) throws Exception {
        long before = storedEvents(stack);
        Http.Answer imported = stack.command().upload("admin", "/api/imports?createMissing=true", fileName, file);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().get("state").asText()).isEqualTo("IMPORTED");
        if (adds >= 0) {
            assertThat(storedEvents(stack)).isEqualTo(before + adds);
        }
    }

    private static long storedEvents(Stack stack) throws Exception {
        try (var connection = stack.database().getConnection();
                var statement = connection.createStatement();
                var result = statement.executeQuery("SELECT count(*) FROM events.domain_event_entry")) {
            result.next();
            return result.getLong(1);
        }
    }

    private static void awaitProjected(Stack stack, int recommendations) throws Exception {
        Waiting.until("the read models to catch up with the import", Duration.ofMinutes(3), () -> {
            JsonNode health = stack.query().get("admin", "/actuator/health/readModels").json();
            return health.path("details").path("lag").asLong(-1) == 0 && stack.query()
                    .get("analyst", "/api/recommendations?size=1").json().get("totalElements").asInt() == recommendations;
        });
    }

    private static Map<String, Long> positions(Map<Sheet, List<SheetRow>> sheets, String referencePrefix) {
        return sheets.get(Sheet.RESPONSES).stream().filter(row -> row.value("reference").startsWith(referencePrefix))
                .collect(Collectors.groupingBy(row -> row.value("position"), Collectors.counting()));
    }

    private static Map<String, Long> themes(Map<Sheet, List<SheetRow>> sheets, String referencePrefix) {
        return sheets.get(Sheet.RECOMMENDATIONS).stream().filter(row -> row.value("reference").startsWith(referencePrefix))
                .flatMap(row -> row.list("themes").stream())
                .collect(Collectors.groupingBy(theme -> theme, Collectors.counting()));
    }

    /** A sheet's rows as cells, in a stable order (the export's order ties on equal dates). */
    private static List<String> cells(Map<Sheet, List<SheetRow>> sheets, Sheet sheet) {
        List<String> rows = new ArrayList<>();
        for (SheetRow row : sheets.getOrDefault(sheet, List.of())) {
            rows.add(new TreeMap<>(row.cells()).toString());
        }
        rows.sort(Comparator.naturalOrder());
        return rows;
    }
}
