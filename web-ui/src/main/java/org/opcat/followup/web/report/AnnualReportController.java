package org.opcat.followup.web.report;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.opcat.followup.web.WebSettings;
import org.opcat.followup.web.relay.ApiRefusal;
import org.opcat.followup.web.relay.QueryApi;
import org.opcat.followup.web.signin.SignedInUser;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The annual report: choose the year, the two time axes, language and audience; preview the html
 * in a frame; download pdf or csv. The files come through this server, which adds the user's
 * token: a browser never talks to the services. A reporter gets the public report only.
 */
@Controller
class AnnualReportController {

    private final QueryApi query;
    private final WebSettings settings;

    AnnualReportController(QueryApi query, WebSettings settings) {
        this.query = query;
        this.settings = settings;
    }

    /** The report's parameters as the form has them; the report language is {@code reportLang}, as {@code lang} switches the interface. */
    record Choice(int year, String asOf, String knownAt, String reportLang, String audience) {

        String query(String format) {
            UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/report/file")
                    .queryParam("year", year).queryParam("reportLang", reportLang).queryParam("audience", audience)
                    .queryParam("format", format);
            if (asOf != null) {
                uri.queryParam("asOf", asOf);
            }
            if (knownAt != null) {
                uri.queryParam("knownAt", knownAt);
            }
            return uri.encode().build().toUriString();
        }
    }

    @GetMapping("/report")
    String page(@RequestParam(required = false) Integer year, @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String knownAt, @RequestParam(required = false) String reportLang,
            @RequestParam(required = false) String audience, @AuthenticationPrincipal SignedInUser user, Model model) {
        boolean chosen = year != null;
        Choice choice = new Choice(year != null ? year : LocalDate.now(settings.timeZone()).getYear() - 1, blankToNull(asOf),
                blankToNull(knownAt), "zh".equals(reportLang) || "en".equals(reportLang) ? reportLang
                        : LocaleContextHolder.getLocale().getLanguage().equals("zh") ? "zh" : "en",
                user.publicReportsOnly() || "public".equals(audience) ? "public" : "internal");
        model.addAttribute("choice", choice);
        model.addAttribute("chosen", chosen);
        model.addAttribute("publicOnly", user.publicReportsOnly());
        model.addAttribute("maxYear", LocalDate.now(settings.timeZone()).getYear());
        if (chosen) {
            model.addAttribute("previewUrl", choice.query("html"));
            model.addAttribute("pdfUrl", choice.query("pdf"));
            model.addAttribute("csvUrl", choice.query("csv"));
        }
        return "report";
    }

    @GetMapping("/report/file")
    Object file(@RequestParam int year, @RequestParam(required = false) String asOf, @RequestParam(required = false) String knownAt,
            @RequestParam(defaultValue = "en") String reportLang, @RequestParam(defaultValue = "public") String audience,
            @RequestParam(defaultValue = "html") String format, @AuthenticationPrincipal SignedInUser user, Model model) {
        String effectiveAudience = user.publicReportsOnly() ? "public" : audience;
        Map<String, String> params = new LinkedHashMap<>();
        params.put("format", format);
        params.put("lang", reportLang);
        params.put("audience", effectiveAudience);
        if (blankToNull(asOf) != null) {
            params.put("asOf", asOf);
        }
        try {
            if (blankToNull(knownAt) != null) {
                params.put("knownAt", instant(knownAt));
            }
            QueryApi.Relay report = query.relay(uri -> {
                params.forEach((k, v) -> uri.queryParam(k, "{" + k + "}"));
                return uri.path("/api/reports/annual/{year}").build(with(params, "year", String.valueOf(year)));
            });
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(report.headers().getContentType());
            if (report.headers().getContentDisposition() != null && !format.equals("html")) {
                headers.setContentDisposition(report.headers().getContentDisposition());
            }
            // The report's own stylesheet is inline; nothing else may load or run in the frame.
            headers.set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
                    + "font-src data:; frame-ancestors 'self'");
            return ResponseEntity.ok().headers(headers).body(report.body());
        } catch (ApiRefusal refusal) {
            if (refusal.status() >= 500 || refusal.status() == 401) {
                throw refusal;
            }
            model.addAttribute("refusal", refusal);
            return "report-refused";
        } catch (DateTimeParseException badKnownAt) {
            model.addAttribute("refusal", new ApiRefusal(400, badKnownAt.getParsedString(), Map.of("knownAt", badKnownAt.getMessage())));
            return "report-refused";
        }
    }

    /** The form's knownAt is a local date and time (datetime-local) in the NPM's zone; the API wants an instant. */
    private String instant(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(settings.timeZone()).toInstant().toString();
    }

    private static Map<String, String> with(Map<String, String> params, String key, String value) {
        Map<String, String> all = new LinkedHashMap<>(params);
        all.put(key, value);
        return all;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
