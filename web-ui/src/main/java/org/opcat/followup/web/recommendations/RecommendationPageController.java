package org.opcat.followup.web.recommendations;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opcat.followup.web.forms.FieldProblems;
import org.opcat.followup.web.signin.SignedInUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** One recommendation: current state, timeline, and the forms its stage allows. */
@Controller
class RecommendationPageController {

    private static final Pattern MEASURE_INDEX = Pattern.compile("^measures\\[(\\d+)]");

    private final RecommendationPage page;

    RecommendationPageController(RecommendationPage page) {
        this.page = page;
    }

    @GetMapping("/recommendations/{id}")
    String show(@PathVariable UUID id, @RequestParam(required = false) Long minVersion,
            @AuthenticationPrincipal SignedInUser user, Model model) {
        return page.show(model, id, minVersion, user, null, Map.of(), List.of(), FieldProblems.NONE);
    }

    /** One more empty measure row for the action plan form (htmx sends the rows there are, to number the new one). */
    @GetMapping("/recommendations/measure-row")
    String measureRow(@RequestParam MultiValueMap<String, String> rows, Model model) {
        int index = rows.keySet().stream().map(MEASURE_INDEX::matcher).filter(Matcher::find)
                .mapToInt(m -> Integer.parseInt(m.group(1)) + 1).max().orElse(0);
        model.addAttribute("index", index);
        model.addAttribute("measure", Map.of());
        model.addAttribute("problems", FieldProblems.NONE);
        return "fragments/measure :: row";
    }
}
