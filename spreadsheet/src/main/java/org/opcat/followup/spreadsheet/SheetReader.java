package org.opcat.followup.spreadsheet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads a file of the layout into rows by sheet, with Apache Commons CSV and Apache POI. Problems of
 * the layout itself (no data, unknown or missing headers, unknown sheets) refuse the file; problems
 * of values are left to the importer, which knows the rules.
 */
public final class SheetReader {

    /** More rows than this in one sheet is refused: the import holds a file in memory. */
    public static final int MAX_ROWS = 50_000;

    private SheetReader() {
    }

    /** @param csvSheet which sheet a CSV file is (a CSV holds one); ignored for XLSX */
    public static Map<Sheet, List<SheetRow>> read(byte[] content, FileFormat format, Sheet csvSheet) {
        if (content.length == 0) {
            throw LayoutProblems.of(null, null, "the file is empty");
        }
        Map<Sheet, List<SheetRow>> sheets = format == FileFormat.CSV
                ? Map.of(csvSheet, csv(content, csvSheet))
                : xlsx(content);
        if (sheets.values().stream().allMatch(List::isEmpty)) {
            throw LayoutProblems.of(null, null, "the file has headers but no data rows");
        }
        if (!sheets.containsKey(Sheet.RECOMMENDATIONS) && format == FileFormat.XLSX) {
            // Responses alone are fine in principle, but a workbook without its main sheet is
            // almost always a misnamed sheet: say so rather than import half of it.
            throw LayoutProblems.of(null, null, "the workbook has no sheet named " + Sheet.RECOMMENDATIONS.key()
                    + " or " + Sheet.RECOMMENDATIONS.sheetName(HeaderLanguage.ZH));
        }
        return sheets;
    }

    private static List<SheetRow> csv(byte[] content, Sheet sheet) {
        String text = utf8(content, sheet);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw LayoutProblems.of(sheet.key(), null, "the file is empty");
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter(text)).setIgnoreEmptyLines(true).get();
        try (Reader reader = new StringReader(text); CSVParser parser = CSVParser.parse(reader, format)) {
            List<List<String>> records = new ArrayList<>();
            List<Long> rowNumbers = new ArrayList<>();
            for (CSVRecord record : parser) {
                records.add(record.toList());
                rowNumbers.add(record.getRecordNumber());
                if (records.size() > MAX_ROWS + 1) {
                    throw LayoutProblems.of(sheet.key(), null, "more than " + MAX_ROWS + " rows: split the file");
                }
            }
            return rows(sheet, records, rowNumbers);
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw LayoutProblems.of(sheet.key(), null, "not readable as CSV: " + e.getMessage());
        }
    }

    /** A spreadsheet program saving CSV in a locale with a decimal comma writes ';' instead of ','. */
    private static char delimiter(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        if (header.indexOf(',') >= 0) {
            return ',';
        }
        if (header.indexOf('\t') >= 0) {
            return '\t';
        }
        return header.indexOf(';') >= 0 ? ';' : ',';
    }

    private static String utf8(byte[] content, Sheet sheet) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw LayoutProblems.of(sheet.key(), null, "the file is not UTF-8 text: save it as \"CSV UTF-8\"");
        }
    }

    private static Map<Sheet, List<SheetRow>> xlsx(byte[] content) {
        Map<Sheet, List<SheetRow>> sheets = new EnumMap<>(Sheet.class);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            DataFormatter formatter = new DataFormatter(java.util.Locale.ROOT);
            List<CellProblem> problems = new ArrayList<>();
            for (org.apache.poi.ss.usermodel.Sheet worksheet : workbook) {
                Optional<Sheet> sheet = Sheet.named(worksheet.getSheetName());
                if (sheet.isEmpty()) {
                    problems.add(new CellProblem(worksheet.getSheetName(), null, null, "unknown sheet "
                            + worksheet.getSheetName() + ": the layout has " + List.of(Sheet.values()).stream()
                                    .map(s -> s.key() + " (" + s.sheetName(HeaderLanguage.ZH) + ")").toList()));
                    continue;
                }
                if (sheets.containsKey(sheet.get())) {
                    problems.add(new CellProblem(sheet.get().key(), null, null, "two sheets are named " + sheet.get().key()));
                    continue;
                }
                if (worksheet.getLastRowNum() > MAX_ROWS + 1) {
                    problems.add(new CellProblem(sheet.get().key(), null, null, "more than " + MAX_ROWS + " rows: split the file"));
                    continue;
                }
                List<List<String>> records = new ArrayList<>();
                List<Long> rowNumbers = new ArrayList<>();
                for (Row row : worksheet) {
                    List<String> cells = new ArrayList<>();
                    for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                        cells.add(text(row.getCell(c), formatter));
                    }
                    if (cells.stream().allMatch(v -> v == null || v.isBlank())) {
                        continue;
                    }
                    records.add(cells);
                    rowNumbers.add((long) row.getRowNum() + 1);
                }
                try {
                    sheets.put(sheet.get(), rows(sheet.get(), records, rowNumbers));
                } catch (LayoutProblems layout) {
                    problems.addAll(layout.problems());
                }
            }
            if (!problems.isEmpty()) {
                throw new LayoutProblems(problems);
            }
            return sheets;
        } catch (LayoutProblems layout) {
            throw layout;
        } catch (IOException | RuntimeException e) {
            // Whatever POI finds wrong with an uploaded file (not a zip, not OOXML, a zip bomb) is the file's fault.
            throw LayoutProblems.of(null, null, "not a readable XLSX workbook: " + e.getMessage());
        }
    }

    /** Dates typed as dates come back as ISO dates, whatever the cell's display format. */
    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate().format(DateTimeFormatter.ISO_LOCAL_DATE);
        }
        if (type == CellType.BOOLEAN) {
            return String.valueOf(cell.getBooleanCellValue());
        }
        if (type == CellType.STRING) {
            return cell.getCellType() == CellType.FORMULA ? cell.getStringCellValue() : cell.getStringCellValue();
        }
        return formatter.formatCellValue(cell);
    }

    /** The first record is the header; every header must be a column of the sheet. */
    private static List<SheetRow> rows(Sheet sheet, List<List<String>> records, List<Long> rowNumbers) {
        if (records.isEmpty()) {
            throw LayoutProblems.of(sheet.key(), null, "the sheet is empty: the first row holds the headers");
        }
        List<String> headers = records.get(0);
        List<CellProblem> problems = new ArrayList<>();
        Map<Integer, Column> byIndex = new HashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            String header = headers.get(i);
            if (header == null || header.isBlank()) {
                continue;
            }
            Optional<Column> column = sheet.column(header);
            if (column.isEmpty()) {
                problems.add(new CellProblem(sheet.key(), 1, header, "unknown header " + header + " in sheet "
                        + sheet.key() + ": the columns are " + sheet.columns().stream()
                                .map(c -> c.key() + "/" + c.chinese()).toList()));
            } else if (byIndex.containsValue(column.get())) {
                problems.add(new CellProblem(sheet.key(), 1, column.get().key(), "column " + column.get().key() + " appears twice"));
            } else {
                byIndex.put(i, column.get());
            }
        }
        for (Column column : sheet.columns()) {
            if (column.required() && !byIndex.containsValue(column)) {
                problems.add(new CellProblem(sheet.key(), 1, column.key(), "missing column " + column.key() + " ("
                        + column.chinese() + ")"));
            }
        }
        if (!problems.isEmpty()) {
            throw new LayoutProblems(problems);
        }
        List<SheetRow> rows = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> record = records.get(r);
            Map<String, String> cells = new LinkedHashMap<>();
            for (int i = 0; i < record.size(); i++) {
                Column column = byIndex.get(i);
                String value = record.get(i);
                if (column != null) {
                    cells.put(column.key(), FormulaSafety.restore(value));
                } else if (value != null && !value.isBlank()) {
                    throw new LayoutProblems(List.of(new CellProblem(sheet.key(), rowNumbers.get(r).intValue(), null,
                            "a value in column " + (i + 1) + ", which has no header")));
                }
            }
            if (cells.values().stream().anyMatch(v -> v != null && !v.isBlank())) {
                rows.add(new SheetRow(sheet, rowNumbers.get(r).intValue(), cells));
            }
        }
        return rows;
    }
}
