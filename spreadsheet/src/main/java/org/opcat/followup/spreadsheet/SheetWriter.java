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
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
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

    /** Rows of a template that offer the drop-down of allowed values. */
    static final int TEMPLATE_ROWS = 10_000;

    /**
     * Sheets in the layout's order; a sheet absent from the map is written with its headers only.
     * A template (no rows at all) also gets a sheet of the allowed values, in the headers' language,
     * and each choice column a drop-down of them (a suggestion: codes are accepted too).
     */
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
                if (rowsBySheet.isEmpty()) {
                    dropDowns(worksheet, columns, language);
                }
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
            if (rowsBySheet.isEmpty()) {
                allowedValues(workbook, language, bold);
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

    /** The columns the sheet of allowed values lists, in its order (one per choice column of the layout). */
    static List<String> choiceColumns() {
        List<String> keys = new ArrayList<>();
        for (Sheet sheet : Sheet.values()) {
            for (Column column : sheet.columns()) {
                if (!AllowedValues.of(column.key()).isEmpty() && !keys.contains(column.key())) {
                    keys.add(column.key());
                }
            }
        }
        return keys;
    }

    private static void allowedValues(SXSSFWorkbook workbook, HeaderLanguage language, CellStyle bold) {
        SXSSFSheet worksheet = workbook.createSheet(AllowedValues.sheetName(language));
        List<String> keys = choiceColumns();
        Row header = worksheet.createRow(0);
        for (int c = 0; c < keys.size(); c++) {
            String key = keys.get(c);
            String name = java.util.Arrays.stream(Sheet.values()).flatMap(s -> s.columns().stream())
                    .filter(col -> col.key().equals(key)).findFirst().orElseThrow().header(language);
            header.createCell(c).setCellValue(name);
            header.getCell(c).setCellStyle(bold);
            worksheet.setColumnWidth(c, 24 * 256);
        }
        int most = keys.stream().mapToInt(k -> AllowedValues.of(k).size()).max().orElse(0);
        for (int r = 0; r < most; r++) {
            Row row = worksheet.createRow(r + 1);
            for (int c = 0; c < keys.size(); c++) {
                List<String> labels = AllowedValues.labels(keys.get(c), language);
                if (r < labels.size()) {
                    row.createCell(c).setCellValue(labels.get(r));
                }
            }
        }
    }

    private static void dropDowns(SXSSFSheet worksheet, List<Column> columns, HeaderLanguage language) {
        DataValidationHelper helper = worksheet.getDataValidationHelper();
        List<String> keys = choiceColumns();
        for (int c = 0; c < columns.size(); c++) {
            int listed = keys.indexOf(columns.get(c).key());
            if (listed < 0) {
                continue;
            }
            String letter = CellReference.convertNumToColString(listed);
            int size = AllowedValues.of(columns.get(c).key()).size();
            String source = "'" + AllowedValues.sheetName(language) + "'!$" + letter + "$2:$" + letter + "$" + (size + 1);
            DataValidation validation = helper.createValidation(helper.createFormulaListConstraint(source),
                    new CellRangeAddressList(1, TEMPLATE_ROWS, c, c));
            validation.setSuppressDropDownArrow(true);
            validation.setShowErrorBox(false);
            worksheet.addValidationData(validation);
        }
    }

    private static List<String> values(Sheet sheet, Map<String, String> row) {
        List<String> values = new ArrayList<>();
        for (Column column : sheet.columns()) {
            values.add(FormulaSafety.neutralise(row.get(column.key())));
        }
        return values;
    }
}
