package org.opcat.followup.web.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opcat.followup.web.relay.QueryApi;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Management's overview: bar charts by stage, implementation status, authority and age. Each bar
 * (and each row of the table beside it, for keyboard and screen-reader users) links to the list
 * filtered to exactly what it counts.
 */
@Controller
class DashboardController {

    /** One bar: its label, the count, and the filtered list it stands for. */
    record Bar(String label, long value, String href) {
    }

    /** One chart, also shown as a table. */
    record Chart(String id, String title, String seriesLabel, List<Bar> bars) {

        public String json(ObjectMapper json) throws JsonProcessingException {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("label", seriesLabel);
            data.put("labels", bars.stream().map(Bar::label).toList());
            data.put("values", bars.stream().map(Bar::value).toList());
            data.put("links", bars.stream().map(Bar::href).toList());
            return json.writeValueAsString(data);
        }
    }

    private final QueryApi query;
    private final MessageSource messages;
    private final ObjectMapper json;

    DashboardController(QueryApi query, MessageSource messages, ObjectMapper json) {
        this.query = query;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/dashboard")
    String dashboard(Model model) throws JsonProcessingException {
        Map<String, Object> dashboard = query.object(uri -> uri.path("/api/dashboard").build());
        LocalDate asOf = LocalDate.parse(String.valueOf(dashboard.get("asOf")));
        List<Chart> charts = List.of(
                counts("byStage", "dashboard.byStage", "stage", "stage.", dashboard, false),
                counts("byStatus", "dashboard.byStatus", "implementationStatus", "status.", dashboard, false),
                byAuthority(),
                age(dashboard, asOf));
        Map<String, String> chartData = new LinkedHashMap<>();
        for (Chart chart : charts) {
            chartData.put(chart.id(), chart.json(json));
        }
        model.addAttribute("dashboard", dashboard);
        model.addAttribute("charts", charts);
        model.addAttribute("chartData", chartData);
        return "dashboard";
    }

    /** Counts of one dimension; authorities count open ones (what management chases), the others all. */
    private Chart counts(String id, String titleKey, String filter, String labelPrefix, Map<String, Object> dashboard,
            boolean openOnly) {
        String field = id.equals("byStatus") ? "byImplementationStatus" : id;
        List<Bar> bars = new ArrayList<>();
        for (Object item : (List<?>) dashboard.get(field)) {
            Map<?, ?> count = (Map<?, ?>) item;
            String key = String.valueOf(count.get("key"));
            String label = labelPrefix == null ? String.valueOf(count.get("name")) : text(labelPrefix + key);
            UriComponentsBuilder href = UriComponentsBuilder.fromPath("/recommendations").queryParam(filter, key);
            if (openOnly) {
                href.queryParam("open", "true");
            }
            bars.add(new Bar(label, ((Number) count.get(openOnly ? "open" : "total")).longValue(),
                    href.encode().build().toUriString()));
        }
        return new Chart(id, text(titleKey), text(openOnly ? "dashboard.open" : "dashboard.total"), bars);
    }

    /**
     * Open ones by authority, counted as the list counts them when filtered by that authority: addressed
     * to it or to a body it supervises (the dashboard's own figures count direct addressees only, and a
     * bar must open a list of exactly its length).
     */
    private Chart byAuthority() {
        List<Bar> bars = new ArrayList<>();
        for (Map<String, Object> authority : query.list("/api/authorities")) {
            String id = String.valueOf(authority.get("authorityId"));
            org.springframework.util.LinkedMultiValueMap<String, String> filter = new org.springframework.util.LinkedMultiValueMap<>();
            filter.add("authorityId", id);
            filter.add("open", "true");
            filter.add("size", "1");
            long open = ((Number) query.object("/api/recommendations", filter).get("totalElements")).longValue();
            if (open > 0) {
                bars.add(new Bar(String.valueOf(authority.get("name")), open, UriComponentsBuilder.fromPath("/recommendations")
                        .queryParam("authorityId", id).queryParam("open", "true").build().toUriString()));
            }
        }
        bars.sort((a, b) -> Long.compare(b.value(), a.value()));
        return new Chart("byAuthority", text("dashboard.byAuthority"), text("dashboard.open"), bars);
    }

    /** Open ones by days since issue; each bucket is an issue-date range as of the dashboard's date. */
    private Chart age(Map<String, Object> dashboard, LocalDate asOf) {
        List<Bar> bars = new ArrayList<>();
        for (Object item : (List<?>) dashboard.get("openByAge")) {
            Map<?, ?> bucket = (Map<?, ?>) item;
            String name = String.valueOf(bucket.get("bucket"));
            UriComponentsBuilder href = UriComponentsBuilder.fromPath("/recommendations").queryParam("open", "true");
            switch (name) {
                case "0-90":
                    href.queryParam("issuedFrom", asOf.minusDays(90));
                    break;
                case "91-180":
                    href.queryParam("issuedFrom", asOf.minusDays(180)).queryParam("issuedTo", asOf.minusDays(91));
                    break;
                case "181-365":
                    href.queryParam("issuedFrom", asOf.minusDays(365)).queryParam("issuedTo", asOf.minusDays(181));
                    break;
                default:
                    href.queryParam("issuedTo", asOf.minusDays(366));
                    break;
            }
            bars.add(new Bar(text("age." + name.replace(' ', '-')), ((Number) bucket.get("count")).longValue(), href.build().toUriString()));
        }
        return new Chart("byAge", text("dashboard.byAge"), text("dashboard.open"), bars);
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
