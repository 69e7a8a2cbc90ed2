package org.opcat.followup.query.export;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opcat.followup.events.recommendation.ImplementationStatus;
import org.opcat.followup.events.recommendation.Priority;
import org.opcat.followup.query.Today;
import org.opcat.followup.query.http.BadQuery;
import org.opcat.followup.query.http.Downloads;
import org.opcat.followup.query.recommendations.RecommendationFilter;
import org.opcat.followup.query.recommendations.RecommendationSort;
import org.opcat.followup.query.status.Stage;
import org.opcat.followup.spreadsheet.FileFormat;
import org.opcat.followup.spreadsheet.HeaderLanguage;
import org.opcat.followup.spreadsheet.Sheet;
import org.opcat.followup.api.ProblemCode;
import org.opcat.followup.spreadsheet.SheetWriter;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /api/exports/recommendations.csv and .xlsx: every recommendation GET /api/recommendations
 * would list with the same filters and sort (all pages), in the layout command-service imports.
 * The XLSX has the four sheets; a CSV holds one ({@code sheet}, default recommendations), UTF-8
 * with a byte order mark. {@code lang=zh} writes Chinese headers and sheet names.
 */
@RestController
@RequestMapping("/api/exports")
public class ExportController {

    private final RecommendationExport export;
    private final Today today;
    private final Downloads downloads;

    public ExportController(RecommendationExport export, Today today, Downloads downloads) {
        this.export = export;
        this.today = today;
        this.downloads = downloads;
    }

    @Operation(operationId = "exportCsv", summary = "Export the list as CSV",
            description = "ANALYST, MANAGER or ADMIN. One sheet (default recommendations) of every recommendation "
            + "the list would give with the same filters and sort, in the layout the import reads, "
            + "UTF-8 with a byte order mark; at most FOLLOWUP_EXPORT_MAX_ROWS (422 export-too-large "
            + "above).")
    @GetMapping("/recommendations.csv")
    public void csv(
            RecommendationFilter filter,
            @RequestParam(defaultValue = "recommendations") String sheet,
            @RequestParam(defaultValue = "en") String lang,
            HttpServletRequest request, HttpServletResponse response) {
        Sheet which = Sheet.named(sheet).orElseThrow(() -> new BadQuery("sheet", ProblemCode.UNKNOWN_SHEET,
                "allowed", List.of(Sheet.values()).stream().map(Sheet::key).toList()));
        HeaderLanguage language = language(lang);
        String orderBy = orderBy(request);
        send(downloads.make(".csv", out -> export.sheets(filter, orderBy, today.date(),
                sheets -> SheetWriter.csv(which, language, sheets.get(which), out))), FileFormat.CSV,
                which.key() + ".csv", response);
    }

    @Operation(operationId = "exportXlsx", summary = "Export the list as XLSX",
            description = "ANALYST, MANAGER or ADMIN. The four sheets of every recommendation the list would give "
            + "with the same filters and sort, in the layout the import reads; at most "
            + "FOLLOWUP_EXPORT_MAX_ROWS (422 export-too-large above).")
    @GetMapping("/recommendations.xlsx")
    public void xlsx(
            RecommendationFilter filter,
            @RequestParam(defaultValue = "en") String lang,
            HttpServletRequest request, HttpServletResponse response) {
        HeaderLanguage language = language(lang);
        String orderBy = orderBy(request);
        send(downloads.make(".xlsx", out -> export.sheets(filter, orderBy, today.date(),
                sheets -> SheetWriter.xlsx(language, sheets, out))), FileFormat.XLSX, "recommendations.xlsx", response);
    }

    /** Raw values, as the list does: Spring would split "issuedOn,desc" into two elements. */
    private static String orderBy(HttpServletRequest request) {
        return RecommendationSort.orderBy(request.getParameterValues("sort"));
    }

    private static HeaderLanguage language(String lang) {
        try {
            return HeaderLanguage.of(lang);
        } catch (IllegalArgumentException e) {
            throw new BadQuery("lang", ProblemCode.UNKNOWN_HEADER_LANGUAGE, "lang", lang);
        }
    }

    /** Made into a temporary file inside the export's transaction, sent once its connection is back (Downloads). */
    private static void send(Downloads.Spooled file, FileFormat format, String fileName, HttpServletResponse response) {
        try (file) {
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType(format.mediaType());
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"");
            file.sendTo(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
