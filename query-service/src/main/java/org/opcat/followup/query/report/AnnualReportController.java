package org.opcat.followup.query.report;

import io.swagger.v3.oas.annotations.Operation;
import org.opcat.followup.api.ProblemCode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.opcat.followup.query.http.BadQuery;
import org.opcat.followup.query.http.Downloads;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/reports/annual/{year}}: one computed report, rendered as json, html, csv or pdf.
 * Parameters are checked here and refused with 400 problem+json (through the query API's
 * {@code QueryProblems}): year from 1900 to the current year, {@code asOf} a date not before
 * 1 January of the year, {@code knownAt} an instant with offset that is not in the future (a future
 * {@code knownAt} would not pin anything), and known format, lang and audience values.
 */
@RestController
public class AnnualReportController {

    static final int FIRST_YEAR = 1900;

    /** Listed recommendations (both lists) a pdf is made for; see {@link TooLargeForPdf}. */
    static final int PDF_MAX_ROWS = 2_000;

    /** SPEC §5: the roles that see confidential recommendations, and so may ask for internal reports. */
    static final List<String> INTERNAL_READERS = List.of("ANALYST", "MANAGER", "ADMIN");

    private final AnnualReports reports;
    private final HtmlReport html;
    private final CsvReport csv;
    private final PdfReport pdf;
    private final KnownAtCoverage coverage;
    private final Clock clock;
    private final ObjectMapper json;
    private final int pdfMaxRows;
    private final Downloads downloads;

    public AnnualReportController(AnnualReports reports, KnownAtCoverage coverage, HtmlReport html, CsvReport csv,
            PdfReport pdf, Clock clock, ObjectMapper json,
            @Value("${followup.report.pdf-max-rows:" + PDF_MAX_ROWS + "}") int pdfMaxRows, Downloads downloads) {
        this.downloads = downloads;
        this.json = json;
        this.pdfMaxRows = pdfMaxRows;
        this.reports = reports;
        this.coverage = coverage;
        this.html = html;
        this.csv = csv;
        this.pdf = pdf;
        this.clock = clock;
    }

    @Operation(summary = "Annual report",
            description = "Every signed-in user; REPORTER only with audience=public. The implementation part of the "
            + "annual report of a year as json, html, csv or pdf, in English or Chinese: asOf is the "
            + "date the report describes, knownAt the instant up to which recorded events count (the "
            + "report prints it: pass it again to reproduce the report). See docs/annual-report.md.")
    @GetMapping("/api/reports/annual/{year}")
    public void annual(@PathVariable int year, @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String knownAt,
            @RequestParam(defaultValue = "json") String format,
            @RequestParam(defaultValue = "en") String lang,
            @RequestParam(defaultValue = "internal") String audience, HttpServletRequest request,
            HttpServletResponse response) {
        Instant now = clock.instant();
        int currentYear = LocalDate.ofInstant(now, clock.getZone()).getYear();
        if (year < FIRST_YEAR || year > currentYear) {
            throw new BadQuery("year", ProblemCode.YEAR_RANGE, "from", FIRST_YEAR, "to", currentYear);
        }
        ReportFormat reportFormat = choice("format", format, ReportFormat.class);
        ReportLanguage language = choice("lang", lang, ReportLanguage.class);
        Audience reportAudience = choice("audience", audience, Audience.class);
        if (reportAudience == Audience.INTERNAL && !mayReadInternal(request)) {
            throw new InternalReportRefused();
        }
        LocalDate businessDate = asOf == null ? LocalDate.of(year, 12, 31) : date(asOf);
        if (businessDate.isBefore(LocalDate.of(year, 1, 1))) {
            throw new BadQuery("asOf", ProblemCode.BEFORE_YEAR, "year", year);
        }
        Instant recordedBy = knownAt == null ? now : instant(knownAt);
        if (recordedBy.isAfter(now)) {
            throw new BadQuery("knownAt", ProblemCode.KNOWN_AT_IN_FUTURE);
        }

        coverage.awaitEventsRecordedBy(recordedBy);
        ReportPeriod period = new ReportPeriod(year, businessDate, recordedBy);
        String filename = "annual-report-" + year + "-" + language.tag() + "-"
                + reportAudience.name().toLowerCase(Locale.ROOT) + "." + reportFormat.extension();
        ContentDisposition disposition = (reportFormat == ReportFormat.HTML ? ContentDisposition.inline()
                : ContentDisposition.attachment()).filename(filename).build();
        ReportLabels labels = new ReportLabels(language);
        // The figures are computed first; the lists are then read while they are written, inside
        // the report's snapshot, so neither the report nor the document is ever whole in memory (pdf
        // excepted). Written to a temporary file, and sent once the snapshot's connection is back in
        // the pool, since a slow reader must not hold it (Downloads); nothing is sent before the
        // document is whole, so any error while it is made is still a problem answer.
        Downloads.Spooled document = downloads.make("." + reportFormat.extension(), out ->
                reports.compile(period, reportAudience, report -> {
                    int rows = report.recommendations().size() + report.unresolvedFromPreviousReports().size();
                    if (reportFormat == ReportFormat.PDF && rows > pdfMaxRows) {
                        throw new TooLargeForPdf(rows, pdfMaxRows);
                    }
                    try {
                        switch (reportFormat) {
                            case JSON -> json.writeValue(new NonClosing(out), report);
                            case CSV -> csv.write(report, labels, out);
                            case HTML -> {
                                Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                                html.write(report, labels, writer);
                                writer.flush();
                            }
                            case PDF -> out.write(pdf.render(report, labels));
                        }
                        out.flush();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return null;
                }));
        try (document) {
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType(reportFormat.mediaType().toString());
            if (reportFormat != ReportFormat.JSON) {
                response.setHeader(HttpHeaders.CONTENT_DISPOSITION, disposition.toString());
            }
            document.sendTo(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The pdf is laid out whole in memory (openhtmltopdf): above {@code followup.report.pdf-max-rows}
     * listed recommendations (both lists) it would exhaust the service's heap, and with it the
     * projection threads, so it is refused (422) before anything is read; html (streamed, printable),
     * csv and json have no such limit.
     */
    static class TooLargeForPdf extends RuntimeException {
        TooLargeForPdf(int rows, int limit) {
            super("this report lists " + rows + " recommendations (both lists), more than the " + limit
                    + " a pdf is laid out for in memory: ask for format=html (printable, streamed), csv or json");
        }
    }

    /** Jackson closes the stream it wrote to; the servlet container owns the response's. */
    private static final class NonClosing extends FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }

    /**
     * A signed-in user needs a role that sees confidential recommendations (a REPORTER asks for
     * {@code audience=public}). Through the servlet API, so it holds whatever security the service
     * is given; without authentication (no principal) there is nothing to check.
     */
    private static boolean mayReadInternal(HttpServletRequest request) {
        return request.getUserPrincipal() == null || INTERNAL_READERS.stream().anyMatch(request::isUserInRole);
    }

    /** Answered as 403: this user may only have the public report. */
    static class InternalReportRefused extends RuntimeException {
        InternalReportRefused() {
            super("this user may only ask for the public report: audience=public");
        }
    }

    private static <E extends Enum<E>> E choice(String field, String value, Class<E> type) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value.strip())) {
                return constant;
            }
        }
        throw new BadQuery(field, ProblemCode.NOT_ONE_OF, "allowed", Arrays.stream(type.getEnumConstants())
                .map(c -> c.name().toLowerCase(Locale.ROOT)).toList());
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new BadQuery("asOf", ProblemCode.NOT_A_DATE, "value", value);
        }
    }

    /** An ISO-8601 instant ({@code 2026-01-20T10:00:00Z}) or date-time with offset ({@code ...+08:00}). */
    private static Instant instant(String value) {
        try {
            // A '+' of an offset that was not URL-encoded arrives as a space.
            return OffsetDateTime.parse(value.strip().replace(' ', '+')).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadQuery("knownAt", ProblemCode.NOT_AN_INSTANT, "value", value);
        }
    }
}
