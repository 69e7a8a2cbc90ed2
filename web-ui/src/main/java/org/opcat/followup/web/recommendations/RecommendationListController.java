package org.opcat.followup.web.recommendations;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opcat.followup.web.relay.QueryApi;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The list with its facets. The filter state is the page's own query string, named as the query
 * API's parameters, so a filtered view is a link to bookmark or send; {@code year} is the one
 * addition, turned into the issue-date range.
 */
@Controller
class RecommendationListController {

    /** The query API's list parameters that pass through unchanged. */
    private static final Set<String> PASSED_ON = Set.of("stage", "open", "implementationStatus", "authorityId", "placeId",
            "theme", "priority", "responseOverdue", "issuedFrom", "issuedTo", "q", "sort", "page");

    /** The facets folded away on a narrow screen: their fold says how many are in use. */
    private static final List<String> FOLDED_FACETS = List.of("stage", "implementationStatus", "open", "authorityId",
            "placeId", "theme", "priority", "year", "responseOverdue");

    /** The orders offered (the query API takes more; these are the ones people ask for). */
    private static final List<String> SORTS = List.of("issuedOn,desc", "issuedOn,asc", "responseDueOn,asc", "lastActivityOn,desc",
            "priority,asc");

    private final QueryApi query;
    private final Registers registers;

    RecommendationListController(QueryApi query, Registers registers) {
        this.query = query;
        this.registers = registers;
    }

    @GetMapping("/recommendations")
    String list(@RequestParam MultiValueMap<String, String> params, HttpServletRequest request, Model model) {
        MultiValueMap<String, String> filters = new LinkedMultiValueMap<>();
        params.forEach((name, values) -> {
            if (PASSED_ON.contains(name)) {
                values.stream().filter(v -> v != null && !v.isBlank()).forEach(v -> filters.add(name, v));
            }
        });
        String year = params.getFirst("year");
        if (year != null && year.matches("\\d{4}")) {
            filters.set("issuedFrom", year + "-01-01");
            filters.set("issuedTo", year + "-12-31");
        }
        Map<String, Object> page = query.object("/api/recommendations", filters);
        Registers.Snapshot known = registers.now();
        Map<String, Object> dashboard = query.object(uri -> uri.path("/api/dashboard").build());

        model.addAttribute("page", page);
        model.addAttribute("filters", params.toSingleValueMap());
        model.addAttribute("authorityOptions", known.authorityOptions());
        model.addAttribute("placeOptions", known.placeOptions());
        model.addAttribute("authorityNames", known.authorityNames());
        model.addAttribute("themes", ((List<?>) dashboard.get("byTheme")).stream()
                .map(t -> String.valueOf(((Map<?, ?>) t).get("key"))).sorted().toList());
        model.addAttribute("years", years());
        model.addAttribute("stages", Vocabulary.STAGES);
        model.addAttribute("statuses", Vocabulary.STATUSES);
        model.addAttribute("priorities", Vocabulary.PRIORITIES);
        model.addAttribute("sorts", SORTS);
        model.addAttribute("pageLinks", pageLinks(request, ((Number) page.get("totalPages")).intValue()));
        model.addAttribute("filtered", !filters.isEmpty());
        model.addAttribute("facetsInUse", FOLDED_FACETS.stream().filter(f -> {
            String value = params.getFirst(f);
            return value != null && !value.isBlank();
        }).count());
        return "list";
    }

    private static List<Integer> years() {
        List<Integer> years = new ArrayList<>();
        for (int y = LocalDate.now().getYear(); y >= LocalDate.now().getYear() - 10; y--) {
            years.add(y);
        }
        return years;
    }

    /** This very view, page by page (at most 20 links: lists of thousands are filtered, not paged through). */
    private static List<Map<String, Object>> pageLinks(HttpServletRequest request, int totalPages) {
        List<Map<String, Object>> links = new ArrayList<>();
        for (int p = 0; p < Math.min(totalPages, 20); p++) {
            links.add(Map.of("number", p + 1, "page", p, "href",
                    ServletUriComponentsBuilder.fromRequest(request).replaceQueryParam("page", p).build().toUriString()));
        }
        return links;
    }
}
