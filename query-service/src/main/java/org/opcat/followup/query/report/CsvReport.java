package org.opcat.followup.query.report;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.opcat.followup.query.report.AnnualReport.Addressee;
import org.opcat.followup.query.report.AnnualReport.RecommendationHistory;
import org.opcat.followup.spreadsheet.FormulaSafety;
import org.springframework.stereotype.Component;

/**
 * The report's {@code recommendations[]} as a spreadsheet: one row per recommendation with its
 * status fields at asOf, headers and values in the report's language. Commons CSV quotes commas,
 * quotes and line breaks (RFC 4180); the UTF-8 byte-order mark makes spreadsheet programs read
 * Chinese correctly. Dates use the bundle's {@code format.csvDate} (ISO in both languages, so
 * spreadsheets sort them). Recorded text reaches whoever opens the file, public edition included:
 * a title starting with {@code =} must not run there, so text cells are neutralised as the
 * spreadsheet layout's are ({@link FormulaSafety}).
 */
@Component
public class CsvReport {

    private static final String BYTE_ORDER_MARK = "\uFEFF";

    public byte[] render(AnnualReport report, ReportLabels l) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(report, l, out);
        return out.toByteArray();
    }

    /** Writes the csv to {@code stream} row by row, as the report's list is read; flushes, does not close. */
    public void write(AnnualReport report, ReportLabels l, OutputStream stream) {
        Writer out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 64 * 1024);
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setHeader(l.text("column.reference"), l.text("column.title"), l.text("column.issuedOn"),
                        l.text("column.priority"), l.text("column.addressees"), l.text("column.confidential"),
                        l.text("column.stage"), l.text("column.open"), l.text("column.implementationStatus"),
                        l.text("column.authorityPosition"), l.text("column.unresolved"),
                        l.text("column.eventsInYear"))
                .get();
        try {
            out.write(BYTE_ORDER_MARK);
            CSVPrinter printer = new CSVPrinter(out, format);
            for (RecommendationHistory r : report.recommendations()) {
                printer.printRecord(Stream.of(r.withheld() ? "" : r.reference(),
                        r.withheld() ? l.text("report.withheld") : r.title(),
                        l.csvDate(r.issuedOn()), l.of(r.priority()),
                        r.addressees().stream().map(Addressee::name).collect(Collectors.joining("; ")),
                        l.yesNo(r.confidential()), l.of(r.stage()), l.yesNo(r.open()),
                        l.of(r.implementationStatus()), l.of(r.authorityPosition()), l.yesNo(r.unresolvedFromPreviousReports()),
                        r.events().size()).map(CsvReport::cell));
            }
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text as the spreadsheet layout writes it (no cell opens as a formula); numbers stay numbers. */
    private static Object cell(Object value) {
        return value instanceof String text ? FormulaSafety.neutralise(text) : value;
    }
}
