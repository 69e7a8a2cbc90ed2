package org.opcat.followup.spreadsheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes the layout with Apache Commons CSV and Apache POI: a CSV of one sheet (UTF-8 with a byte
 * order mark, so that spreadsheet programs show Chinese rather than mojibake) or an XLSX workbook
 * with one worksheet per sheet. Rows are cells by column key; every value is written as text, so
 * a reference like {@code 2026/01} is never turned into a date or number, and neutralised
 * ({@link FormulaSafety}) in both formats, so that no value opens as a formula, even from an XLSX
 * re-saved as CSV.
 */
public final class SheetWriter {

    private SheetWriter() {
    }

    public static void csv(Sheet sheet, HeaderLanguage language, List<Map<String, String>> rows, OutputStream out) {
        try {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write('\uFEFF');
            CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180);
            printer.printRecord(sheet.columns().stream().map(c -> c.header(language)).toList());
            for (Map<String, String> row : rows) {
                printer.printRecord(values(sheet, row));
            }
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] csv(Sheet sheet, HeaderLanguage language, List<Map<String, String>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        csv(sheet, language, rows, out);
        return out.toByteArray();
    }

    /** Sheets in the layout's order; a sheet absent from the map is written with its headers only. */
    public static void xlsx(HeaderLanguage language, Map<Sheet, List<Map<String, String>>> rowsBySheet, OutputStream out) {
        // Streaming workbook: rows go to a temporary file, so 10,000 rows do not sit in memory as XML.
        SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        try {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            for (Sheet sheet : Sheet.values()) {
                SXSSFSheet worksheet = workbook.createSheet(sheet.sheetName(language));
                Row header = worksheet.createRow(0);
                List<Column> columns = sheet.columns();
                for (int c = 0; c < columns.size(); c++) {
                    header.createCell(c).setCellValue(columns.get(c).header(language));
                    header.getCell(c).setCellStyle(bold);
                    worksheet.setColumnWidth(c, 20 * 256);
                }
                worksheet.createFreezePane(0, 1);
                int r = 1;
                for (Map<String, String> row : rowsBySheet.getOrDefault(sheet, List.of())) {
                    Row line = worksheet.createRow(r++);
                    List<String> values = values(sheet, row);
                    for (int c = 0; c < values.size(); c++) {
                        if (values.get(c) != null) {
                            line.createCell(c).setCellValue(values.get(c));
                        }
                    }
                }
            }
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                workbook.close();
            } catch (IOException e) {
                // closing only removes temporary files
            }
            workbook.dispose();
        }
    }

    public static byte[] xlsx(HeaderLanguage language, Map<Sheet, List<Map<String, String>>> rowsBySheet) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        xlsx(language, rowsBySheet, out);
        return out.toByteArray();
    }

    private static List<String> values(Sheet sheet, Map<String, String> row) {
        List<String> values = new ArrayList<>();
        for (Column column : sheet.columns()) {
            values.add(FormulaSafety.neutralise(row.get(column.key())));
        }
        return values;
    }
}
