package org.opcat.followup.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Reading the layout as spreadsheet programs write it; writing it back. */
class SheetReaderTest {

    private static final String HEADER = "编号;标题;正文;语言;发布日期;来源类型;收件机关;范围;优先级\n";

    @Test
    void readsACsvWithChineseHeadersSemicolonsAndAByteOrderMark() {
        String csv = "\uFEFF" + HEADER + "R-1;标题一;\"第一段;\n第二段\";zh;2026/3/1;VISIT_REPORT;\"司法部 ; 公安部\";SYSTEMIC;HIGH\n\n";
        List<SheetRow> rows = SheetReader.read(csv.getBytes(StandardCharsets.UTF_8), FileFormat.CSV, Sheet.RECOMMENDATIONS)
                .get(Sheet.RECOMMENDATIONS);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).row()).isEqualTo(2);
        assertThat(rows.get(0).value("text")).isEqualTo("第一段;\n第二段");
        assertThat(rows.get(0).list("addressees")).containsExactly("司法部", "公安部");
        assertThat(rows.get(0).value("place")).isNull();
    }

    @Test
    void headersMatchLooselyButUnknownOnesAreRefused() {
        assertThat(Sheet.RECOMMENDATIONS.column("Issued on")).map(Column::key).contains("issuedOn");
        assertThat(Sheet.RECOMMENDATIONS.column("ISSUED_ON")).map(Column::key).contains("issuedOn");
        assertThat(Sheet.RECOMMENDATIONS.column("提出日期")).map(Column::key).contains("issuedOn");
        assertThat(Sheet.RECOMMENDATIONS.column("致送机关")).map(Column::key).contains("addressees");
        // Templates made before the glossary's words still import.
        assertThat(Sheet.RECOMMENDATIONS.column("发布日期")).map(Column::key).contains("issuedOn");
        assertThat(Sheet.RECOMMENDATIONS.column("收件机关")).map(Column::key).contains("addressees");
        assertThat(Sheet.named("行动计划")).contains(Sheet.ACTION_PLANS);
        assertThatThrownBy(() -> SheetReader.read((HEADER.replace("范围", "颜色") + "x;x;x;x;x;x;x;x;x\n")
                .getBytes(StandardCharsets.UTF_8), FileFormat.CSV, Sheet.RECOMMENDATIONS))
                .isInstanceOf(LayoutProblems.class)
                .satisfies(e -> assertThat(((LayoutProblems) e).problems()).extracting(CellProblem::column)
                        .containsExactly("颜色", "scope"));
    }

    @Test
    void namesAreComparedAfterNfkcCaseFoldingAndSpaces() {
        assertThat(Names.key("\u3000Ｍinistry  of JUSTICE ")).isEqualTo("ministry of justice");
        assertThat(Names.key("司法部\u3000")).isEqualTo(Names.key("司法部"));
    }

    @Test
    void readsDateCellsAsIsoDatesAndRoundTripsWhatItWrites() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            XSSFSheet sheet = workbook.createSheet("Follow-up visits");
            Row header = sheet.createRow(0);
            String[] columns = {"reference", "visitedOn", "findings", "assessedStatus"};
            for (int i = 0; i < columns.length; i++) {
                header.createCell(i).setCellValue(columns[i]);
            }
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue("R-1");
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("d/m/yy"));
            row.createCell(1).setCellValue(LocalDate.of(2026, 3, 1));
            row.getCell(1).setCellStyle(date);
            row.createCell(2).setCellValue("整改中");
            row.createCell(3).setCellValue("IN_PROGRESS");
            workbook.createSheet("建议").createRow(0).createCell(0).setCellValue("编号");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            assertThatThrownBy(() -> SheetReader.read(out.toByteArray(), FileFormat.XLSX, null))
                    .as("the recommendations sheet lacks required columns").isInstanceOf(LayoutProblems.class);
        }
        Map<String, String> visit = Map.of("reference", "R-1", "visitedOn", "2026-03-01", "findings", "整改中",
                "assessedStatus", "IN_PROGRESS");
        Map<String, String> rec = new java.util.HashMap<>(Map.of("reference", "2026/01", "title", "t", "text", "x",
                "language", "zh", "issuedOn", "2026-01-01", "sourceKind", "OTHER", "addressees", "司法部", "scope",
                "SYSTEMIC", "priority", "NORMAL"));
        byte[] written = SheetWriter.xlsx(HeaderLanguage.ZH, Map.of(Sheet.RECOMMENDATIONS, List.of(rec),
                Sheet.FOLLOW_UP_VISITS, List.of(visit)));
        Map<Sheet, List<SheetRow>> read = SheetReader.read(written, FileFormat.XLSX, null);
        assertThat(read.get(Sheet.FOLLOW_UP_VISITS).get(0).cells()).containsAllEntriesOf(visit);
        assertThat(read.get(Sheet.RECOMMENDATIONS).get(0).value("reference")).as("text, never a date").isEqualTo("2026/01");
        assertThat(read.get(Sheet.RESPONSES)).isEmpty();
    }

    @Test
    void emptyAndHeaderOnlyFilesAreRefused() {
        assertThatThrownBy(() -> SheetReader.read(new byte[0], FileFormat.CSV, Sheet.RECOMMENDATIONS))
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> SheetReader.read(HEADER.getBytes(StandardCharsets.UTF_8), FileFormat.CSV, Sheet.RECOMMENDATIONS))
                .hasMessageContaining("no data rows");
    }
}
