package org.opcat.followup.spreadsheet;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads a file of the layout into rows by sheet, with Apache Commons CSV and Apache POI (its streaming
 * event API for XLSX, within limits checked while reading, so that an upload that unpacks to gigabytes is
 * refused before it fills the memory). Problems of the layout itself (no data, unknown or missing
 * headers, unknown sheets) refuse the file; problems of values are left to the importer, which knows
 * the rules.
 */
public final class SheetReader {

    /** More rows than this in one sheet is refused: the import holds a file in memory. */
    public static final int MAX_ROWS = 50_000;

    /** Filled cells and characters of text in a whole workbook: the import holds them in memory. */
    public static final int MAX_CELLS = 3_000_000;
    public static final int MAX_TEXT_CHARS = 50_000_000;

    /** The most characters a cell of Excel (and so of the layout) holds, and the longest formula it takes. */
    public static final int MAX_CELL_CHARS = 32_767;
    private static final int MAX_FORMULA_CHARS = 8_192;

    /**
     * A part of a workbook (a sheet's XML, its strings) unpacks to at most this many bytes, and to at most 100
     * times its packed size: a small upload cannot unpack to gigabytes (a zip bomb). The upload is at most 10 MiB.
     */
    public static final long MAX_PART_BYTES = 100_000_000;
    private static final double MIN_INFLATE_RATIO = 0.01;

    static {
        // Process-wide settings of POI, checked as each part is inflated; the services read only uploads with POI.
        ZipSecureFile.setMaxEntrySize(MAX_PART_BYTES);
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
    }

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
        Path file = null;
        try {
            // From a file, POI inflates only the parts it is asked for, and those as they are read;
            // from a stream it would inflate every part into memory first.
            file = Files.createTempFile("import-", ".xlsx");
            Files.write(file, content);
            OPCPackage workbook = OPCPackage.open(file.toFile(), PackageAccess.READ);
            try {
                return worksheets(workbook);
            } finally {
                workbook.revert();
            }
        } catch (LayoutProblems layout) {
            throw layout;
        } catch (IOException | OpenXML4JException | SAXException | RuntimeException e) {
            if (zipBomb(e)) {
                throw LayoutProblems.of(null, null, "the workbook unpacks to far more data than its size allows (a part over "
                        + MAX_PART_BYTES / 1_000_000 + " MB, or packed more than " + Math.round(1 / MIN_INFLATE_RATIO)
                        + " to 1): refused as a possible zip bomb");
            }
            // Whatever else POI finds wrong with an uploaded file (not a zip, not OOXML) is the file's fault.
            throw LayoutProblems.of(null, null, "not a readable XLSX workbook: " + e.getMessage());
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    file.toFile().deleteOnExit();
                }
            }
        }
    }

    /** Every worksheet read as a stream of rows (POI's event API): a sheet never sits whole in memory. */
    private static Map<Sheet, List<SheetRow>> worksheets(OPCPackage workbook) throws IOException, OpenXML4JException,
            SAXException {
        XSSFReader reader = new XSSFReader(workbook);
        SharedStrings strings = new BoundedSharedStrings(workbook);
        StylesTable styles = reader.getStylesTable();
        DataFormatter formatter = new IsoDates(date1904(reader));
        Budget budget = new Budget();
        Map<Sheet, List<SheetRow>> sheets = new EnumMap<>(Sheet.class);
        List<CellProblem> problems = new ArrayList<>();
        XSSFReader.SheetIterator worksheets = (XSSFReader.SheetIterator) reader.getSheetsData();
        while (worksheets.hasNext()) {
            try (InputStream data = worksheets.next()) {
                String name = worksheets.getSheetName();
                if (AllowedValues.isSheet(name)) {
                    // the template's list of allowed values: the drop-downs' source, no rows to import
                    continue;
                }
                Optional<Sheet> sheet = Sheet.named(name);
                if (sheet.isEmpty()) {
                    List<String> layout = List.of(Sheet.values()).stream()
                            .map(s -> s.key() + " (" + s.sheetName(HeaderLanguage.ZH) + ")").toList();
                    problems.add(new CellProblem(name, null, null, "unknown sheet " + name + ": the layout has " + layout,
                            "unknown-sheet-name", args("name", name, "allowed", layout)));
                    continue;
                }
                if (sheets.containsKey(sheet.get())) {
                    problems.add(new CellProblem(sheet.get().key(), null, null, "two sheets are named " + sheet.get().key(),
                            "sheet-twice", args("name", sheet.get().key())));
                    continue;
                }
                SheetContents contents = new SheetContents(sheet.get(), budget);
                try {
                    XMLReader parser = XMLHelper.newXMLReader();
                    parser.setContentHandler(new BoundedSheetHandler(styles, strings, contents, formatter));
                    parser.parse(new InputSource(data));
                } catch (SheetRefused refused) {
                    problems.add(refused.problem);
                    continue;
                } catch (ParserConfigurationException e) {
                    throw new IllegalStateException(e);
                }
                try {
                    sheets.put(sheet.get(), rows(sheet.get(), contents.records, contents.rowNumbers));
                } catch (LayoutProblems layout) {
                    problems.addAll(layout.problems());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new LayoutProblems(problems);
        }
        return sheets;
    }

    private static boolean zipBomb(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().startsWith("Zip bomb detected")) {
                return true;
            }
        }
        return false;
    }

    /** Dates count from 1904 in workbooks of old Mac spreadsheet programs (workbookPr date1904). */
    private static boolean date1904(XSSFReader reader) throws IOException, OpenXML4JException, SAXException {
        boolean[] date1904 = {false};
        try (InputStream data = reader.getWorkbookData()) {
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(new DefaultHandler() {
                @Override
                public void startElement(String uri, String localName, String qName, Attributes attributes) {
                    if ("workbookPr".equals(localName)) {
                        String value = attributes.getValue("date1904");
                        date1904[0] = "1".equals(value) || "true".equals(value);
                    }
                }
            });
            parser.parse(new InputSource(data));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        return date1904[0];
    }

    /** POI's number formats, except that a number shown as a date reads as its ISO date, whatever the display format. */
    private static final class IsoDates extends DataFormatter {

        private final boolean date1904;

        IsoDates(boolean date1904) {
            super(Locale.ROOT);
            this.date1904 = date1904;
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value, date1904).toLocalDate().format(DateTimeFormatter.ISO_LOCAL_DATE);
            }
            return super.formatRawCellContents(value, formatIndex, formatString, date1904);
        }
    }

    /** The cells and text of the whole workbook held so far. */
    private static final class Budget {

        private long cells;
        private long chars;

        void take(String value) {
            if (++cells > MAX_CELLS) {
                throw LayoutProblems.of(null, null, "more than " + MAX_CELLS + " filled cells: split the file");
            }
            chars += value.length();
            if (chars > MAX_TEXT_CHARS) {
                throw LayoutProblems.of(null, null, "more than " + MAX_TEXT_CHARS + " characters of text: split the file");
            }
        }
    }

    /** A worksheet refused as a whole (too many rows); the other sheets are still read for their problems. */
    private static final class SheetRefused extends RuntimeException {

        private final transient CellProblem problem;

        SheetRefused(CellProblem problem) {
            super(problem.message(), null, false, false);
            this.problem = problem;
        }
    }

    /** One worksheet's rows as POI's event API hands them over, the first one being the header. */
    private static final class SheetContents implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final Sheet sheet;
        private final Budget budget;
        private final List<List<String>> records = new ArrayList<>();
        private final List<Long> rowNumbers = new ArrayList<>();
        private List<String> cells = new ArrayList<>();
        private int nextColumn;

        SheetContents(Sheet sheet, Budget budget) {
            this.sheet = sheet;
            this.budget = budget;
        }

        @Override
        public void startRow(int rowNum) {
            if (rowNum > MAX_ROWS + 1) {
                throw new SheetRefused(new CellProblem(sheet.key(), null, null, "more than " + MAX_ROWS + " rows: split the file"));
            }
            cells = new ArrayList<>();
            nextColumn = 0;
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            // Some programs leave out a cell's reference: it then follows the previous cell.
            int column = reference == null ? nextColumn : new CellAddress(reference).getColumn();
            nextColumn = column + 1;
            if (value == null) {
                return;
            }
            budget.take(value);
            while (cells.size() <= column) {
                cells.add(null);
            }
            cells.set(column, value);
        }

        @Override
        public void endRow(int rowNum) {
            if (cells.stream().allMatch(v -> v == null || v.isBlank())) {
                return;
            }
            records.add(cells);
            rowNumbers.add((long) rowNum + 1);
        }
    }

    /** POI's sheet parser, refusing a cell longer than a spreadsheet program writes before it is gathered whole. */
    private static final class BoundedSheetHandler extends XSSFSheetXMLHandler {

        private int cellChars;

        BoundedSheetHandler(StylesTable styles, SharedStrings strings, SheetContentsHandler contents, DataFormatter formatter) {
            super(styles, strings, contents, formatter, false);
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
            if ("c".equals(localName)) {
                cellChars = 0;
            }
            super.startElement(uri, localName, qName, attributes);
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            cellChars += length;
            if (cellChars > MAX_CELL_CHARS + MAX_FORMULA_CHARS) {
                throw LayoutProblems.of(null, null, "a cell of more than " + MAX_CELL_CHARS + " characters, more than a "
                        + "spreadsheet cell holds");
            }
            super.characters(ch, start, length);
        }
    }

    /**
     * POI's read-only table of the workbook's shared strings, refusing a string longer than a cell holds while it
     * is being read. Phonetic guides are left out, as POI's usermodel leaves them out of a cell's text.
     */
    private static final class BoundedSharedStrings extends ReadOnlySharedStringsTable {

        // No initialiser: the superclass's constructor already reads the table through characters().
        private int itemChars;

        BoundedSharedStrings(OPCPackage workbook) throws IOException, SAXException {
            super(workbook, false);
        }

        @Override
        public void startElement(String uri, String localName, String name, Attributes attributes) throws SAXException {
            if ("si".equals(localName)) {
                itemChars = 0;
            }
            super.startElement(uri, localName, name, attributes);
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            itemChars += length;
            if (itemChars > MAX_CELL_CHARS) {
                throw LayoutProblems.of(null, null, "a text of more than " + MAX_CELL_CHARS + " characters, more than a "
                        + "spreadsheet cell holds");
            }
            super.characters(ch, start, length);
        }
    }

    /** A problem's arguments (docs/problems.md), in the order given. */
    private static Map<String, Object> args(Object... namesAndValues) {
        Map<String, Object> args = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            args.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return args;
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
                List<String> columns = sheet.columns().stream().map(c -> c.key() + "/" + c.chinese()).toList();
                problems.add(new CellProblem(sheet.key(), 1, header, "unknown header " + header + " in sheet "
                        + sheet.key() + ": the columns are " + columns, "unknown-header", args("header", header, "allowed", columns)));
            } else if (byIndex.containsValue(column.get())) {
                problems.add(new CellProblem(sheet.key(), 1, column.get().key(), "column " + column.get().key() + " appears twice",
                        "column-twice", args("column", column.get().key())));
            } else {
                byIndex.put(i, column.get());
            }
        }
        for (Column column : sheet.columns()) {
            if (column.required() && !byIndex.containsValue(column)) {
                problems.add(new CellProblem(sheet.key(), 1, column.key(), "missing column " + column.key() + " ("
                        + column.chinese() + ")", "missing-column", args("column", column.key())));
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
