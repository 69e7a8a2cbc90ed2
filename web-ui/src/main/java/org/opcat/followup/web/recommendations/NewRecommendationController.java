package org.opcat.followup.web.recommendations;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opcat.followup.web.forms.FieldProblems;
import org.opcat.followup.web.forms.Submitted;
import org.opcat.followup.web.language.ReadableDates;
import org.opcat.followup.web.relay.ApiRefusal;
import org.opcat.followup.web.relay.CommandApi;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An analyst enters a recommendation just issued (or a historic one), choosing addressees and place from the registers. */
@Controller
class NewRecommendationController {

    private final CommandApi commands;
    private final Registers registers;
    private final ReadableDates dates;

    NewRecommendationController(CommandApi commands, Registers registers, ReadableDates dates) {
        this.commands = commands;
        this.registers = registers;
        this.dates = dates;
    }

    @GetMapping("/recommendations/new")
    String form(Model model) {
        Map<String, String> blank = new LinkedHashMap<>();
        blank.put("recommendationId", UUID.randomUUID().toString());
        blank.put("issuedOn", dates.today());
        blank.put("priority", "NORMAL");
        blank.put("scope", "PLACE_SPECIFIC");
        blank.put("sourceKind", "VISIT_REPORT");
        return show(model, blank, List.of(), FieldProblems.NONE);
    }

    @PostMapping("/recommendations")
    String issue(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
        Submitted form = new Submitted(params);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("recommendationId", form.text("recommendationId"));
        body.put("reference", form.text("reference"));
        body.put("title", form.text("title"));
        body.put("text", form.text("text"));
        body.put("language", form.text("language"));
        body.put("issuedOn", form.text("issuedOn"));
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("kind", form.text("sourceKind"));
        source.put("documentReference", form.text("documentReference"));
        body.put("source", source);
        body.put("placeId", form.text("placeId"));
        body.put("addresseeAuthorityIds", form.all("addresseeAuthorityIds"));
        body.put("themes", form.tags("themes"));
        body.put("scope", form.text("scope"));
        body.put("priority", form.text("priority"));
        body.put("standards", form.lines("standards"));
        body.put("responseDueOn", form.text("responseDueOn"));
        body.put("confidential", form.checked("confidential"));
        try {
            Map<String, Object> answer = commands.post("/api/recommendations", body, null);
            redirect.addFlashAttribute("recorded", "issued");
            return "redirect:/recommendations/" + answer.get("recommendationId") + "?minVersion=" + answer.get("version");
        } catch (ApiRefusal refusal) {
            if (refusal.status() >= 500 || refusal.status() == 401 || refusal.status() == 403) {
                throw refusal;
            }
            return show(model, form.asTyped(), form.all("addresseeAuthorityIds"), FieldProblems.of(refusal));
        }
    }

    private String show(Model model, Map<String, String> values, List<String> chosenAddressees, FieldProblems problems) {
        Registers.Snapshot known = registers.now();
        model.addAttribute("values", values);
        model.addAttribute("chosenAddressees", chosenAddressees);
        model.addAttribute("problems", problems);
        model.addAttribute("authorityOptions", known.authorityOptions());
        model.addAttribute("placeOptions", known.placeOptions());
        model.addAttribute("languages", Vocabulary.LANGUAGES);
        model.addAttribute("sourceKinds", Vocabulary.SOURCE_KINDS);
        model.addAttribute("scopes", Vocabulary.SCOPES);
        model.addAttribute("priorities", Vocabulary.PRIORITIES);
        model.addAttribute("pagePath", "/recommendations/new");
        return "new-recommendation";
    }
}
