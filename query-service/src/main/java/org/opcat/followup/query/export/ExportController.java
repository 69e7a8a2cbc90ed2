package org.opcat.followup.query.export;

import org.opcat.followup.security.ProblemCode;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opcat.followup.events.recommendation.ImplementationStatus;
import org.opcat.followup.events.recommendation.Priority;
import org.opcat.followup.query.Today;
import org.opcat.followup.query.http.BadQuery;
import org.opcat.followup.query.recommendations.RecommendationFilter;
import org.opcat.followup.query.recommendations.RecommendationSort;
import org.opcat.followup.query.status.Stage;
import org.opcat.followup.spreadsheet.FileFormat;
import org.opcat.followup.spreadsheet.HeaderLanguage;
import org.opcat.followup.spreadsheet.Sheet;
import org.opcat.followup.spreadsheet.SheetWriter;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
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

    public ExportController(RecommendationExport export, Today today) {
        this.export = export;
        this.today = today;
    }

    @GetMapping("/recommendations.csv")
    public ResponseEntity<byte[]> csv(
            RecommendationFilter filter,
            @RequestParam(defaultValue = "recommendations") String sheet,
            @RequestParam(defaultValue = "en") String lang,
            HttpServletRequest request) {
        Sheet which = Sheet.named(sheet).orElseThrow(() -> new BadQuery("sheet", ProblemCode.UNKNOWN_SHEET,
                "allowed", List.of(Sheet.values()).stream().map(Sheet::key).toList()));
        HeaderLanguage language = language(lang);
        Map<Sheet, List<Map<String, String>>> sheets = export.sheets(filter, orderBy(request), today.date());
        return download(SheetWriter.csv(which, language, sheets.get(which)), FileFormat.CSV, which.key() + ".csv");
    }

    @GetMapping("/recommendations.xlsx")
    public ResponseEntity<byte[]> xlsx(
            RecommendationFilter filter,
            @RequestParam(defaultValue = "en") String lang,
            HttpServletRequest request) {
        HeaderLanguage language = language(lang);
        Map<Sheet, List<Map<String, String>>> sheets = export.sheets(filter, orderBy(request), today.date());
        return download(SheetWriter.xlsx(language, sheets), FileFormat.XLSX, "recommendations.xlsx");
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

    private static ResponseEntity<byte[]> download(byte[] content, FileFormat format, String fileName) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, format.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
                .body(content);
    }
}
