package org.opcat.followup.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.opcat.followup.spreadsheet.samples.HostileWorkbooks;

/**
 * Uploads built to exhaust the import's memory are refused while they are read, having cost little:
 * the bytes the reading thread allocated (garbage included) stay far below what the file unpacks to.
 */
class SheetReaderLimitsTest {

    private static final long MB = 1_000_000;

    @Test
    void aZipBombIsRefusedAfterUnpackingLittleOfIt() {
        byte[] bomb = HostileWorkbooks.zipBomb(1_000 * MB);
        assertThat(bomb.length).as("a gigabyte of sheet packed small").isLessThan(5_000_000);
        long allocated = allocatedWhile(() -> assertThatThrownBy(() -> SheetReader.read(bomb, FileFormat.XLSX, null))
                .isInstanceOf(LayoutProblems.class)
                .hasMessageContaining("zip bomb")
                .hasMessageNotContaining("ZipSecureFile"));
        assertThat(allocated).isLessThan(64 * MB);
    }

    @Test
    void aSheetOfTooManyRowsIsRefusedAtTheFirstRowOverTheLimit() {
        byte[] workbook = HostileWorkbooks.rows(1_000_000);
        assertThat(workbook.length).as("within the upload limit").isLessThan(10 * 1024 * 1024);
        long allocated = allocatedWhile(() -> assertThatThrownBy(() -> SheetReader.read(workbook, FileFormat.XLSX, null))
                .isInstanceOf(LayoutProblems.class)
                .satisfies(e -> assertThat(((LayoutProblems) e).problems()).extracting(CellProblem::sheet, CellProblem::message)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("recommendations",
                                "more than 50000 rows: split the file"))));
        assertThat(allocated).isLessThan(256 * MB);
    }

    @Test
    void aCellLongerThanASpreadsheetHoldsIsRefusedBeforeItIsGatheredWhole() {
        byte[] workbook = HostileWorkbooks.longCell(20_000_000);
        long allocated = allocatedWhile(() -> assertThatThrownBy(() -> SheetReader.read(workbook, FileFormat.XLSX, null))
                .isInstanceOf(LayoutProblems.class)
                .hasMessageContaining("more than 32767 characters"));
        assertThat(allocated).as("the 20 million characters were never gathered").isLessThan(64 * MB);
        assertThat(SheetReader.read(HostileWorkbooks.longCell(32_767), FileFormat.XLSX, null).get(Sheet.RECOMMENDATIONS).get(0)
                .value("title")).hasSize(32_767);
    }

    @Test
    void aSharedStringLongerThanACellHoldsIsRefused() throws Exception {
        String text = HostileWorkbooks.letters(100);
        byte[] workbook;
        try (XSSFWorkbook excel = new XSSFWorkbook()) {
            Row header = excel.createSheet("recommendations").createRow(0);
            List<Column> columns = Sheet.RECOMMENDATIONS.columns();
            for (int c = 0; c < columns.size(); c++) {
                header.createCell(c).setCellValue(columns.get(c).key());
            }
            excel.getSheetAt(0).createRow(1).createCell(1).setCellValue(text);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            excel.write(out);
            workbook = out.toByteArray();
        }
        assertThat(SheetReader.read(workbook, FileFormat.XLSX, null).get(Sheet.RECOMMENDATIONS).get(0).value("title"))
                .isEqualTo(text);
        byte[] longer = HostileWorkbooks.replacing(workbook, "xl/sharedStrings.xml", out -> out.write(
                ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                        + columns().replace("<t>", "<si><t>").replace("</t>", "</t></si>")
                        + "<si><t>" + HostileWorkbooks.letters(40_000) + "</t></si></sst>").getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> SheetReader.read(longer, FileFormat.XLSX, null)).isInstanceOf(LayoutProblems.class)
                .hasMessageContaining("more than 32767 characters");
    }

    @Test
    void numbersDatesAndFormulaResultsReadAsTheSpreadsheetShowsThem() throws Exception {
        for (boolean date1904 : List.of(false, true)) {
            try (XSSFWorkbook excel = new XSSFWorkbook()) {
                var workbook = excel.getCTWorkbook();
                (workbook.isSetWorkbookPr() ? workbook.getWorkbookPr() : workbook.addNewWorkbookPr()).setDate1904(date1904);
                XSSFSheet sheet = excel.createSheet("建议");
                Row header = sheet.createRow(0);
                String[] columns = {"编号", "标题", "正文", "语言", "发布日期", "答复期限", "保密", "来源类型", "收件机关", "范围", "优先级"};
                for (int c = 0; c < columns.length; c++) {
                    header.createCell(c).setCellValue(columns[c]);
                }
                CellStyle chineseDate = excel.createCellStyle();
                chineseDate.setDataFormat(excel.createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
                CellStyle percent = excel.createCellStyle();
                percent.setDataFormat(excel.createDataFormat().getFormat("0.0%"));
                Row row = sheet.createRow(3);
                row.createCell(0).setCellValue(1.5);
                row.createCell(1).setCellFormula("\"单独\"&\"监禁\"");
                row.createCell(2).setCellValue(0.25);
                row.getCell(2).setCellStyle(percent);
                row.createCell(3).setCellValue(12345678901.0);
                row.createCell(4).setCellValue(LocalDate.of(2026, 3, 1));
                row.getCell(4).setCellStyle(chineseDate);
                row.createCell(5).setCellFormula("DATE(2026,4,30)");
                row.getCell(5).setCellStyle(chineseDate);
                row.createCell(6).setCellValue(true);
                excel.getCreationHelper().createFormulaEvaluator().evaluateAll();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                excel.write(out);
                SheetRow read = SheetReader.read(out.toByteArray(), FileFormat.XLSX, null).get(Sheet.RECOMMENDATIONS).get(0);
                assertThat(read.row()).isEqualTo(4);
                assertThat(read.cells()).as("1904 dates: " + date1904).containsAllEntriesOf(Map.of("reference", "1.5",
                        "title", "单独监禁", "text", "25.0%", "language", "12345678901", "issuedOn", "2026-03-01",
                        "confidential", "TRUE"));
                if (!date1904) {
                    // POI's own formula evaluator counts DATE() from 1900 whatever the workbook says.
                    assertThat(read.value("responseDueOn")).isEqualTo("2026-04-30");
                }
            }
        }
    }

    private static String columns() {
        StringBuilder strings = new StringBuilder();
        for (Column column : Sheet.RECOMMENDATIONS.columns()) {
            strings.append("<t>").append(column.key()).append("</t>");
        }
        return strings.toString();
    }

    /** Bytes this thread allocated while running the check. */
    private static long allocatedWhile(Runnable check) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        check.run();
        return threads.getCurrentThreadAllocatedBytes() - before;
    }
}
