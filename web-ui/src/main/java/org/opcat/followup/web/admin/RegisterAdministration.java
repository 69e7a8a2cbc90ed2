package org.opcat.followup.web.admin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.opcat.followup.web.forms.FieldProblems;
import org.opcat.followup.web.forms.Submitted;
import org.opcat.followup.web.recommendations.Registers;
import org.opcat.followup.web.recommendations.Vocabulary;
import org.opcat.followup.web.relay.ApiRefusal;
import org.opcat.followup.web.relay.CommandApi;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An administrator registers authorities and places of detention. The registers are read back
 * from query-service, which may take a moment to show a new entry: the confirmation names what was
 * registered so nobody registers it twice meanwhile (and the client-chosen id makes a resubmission harmless).
 */
@Controller
class RegisterAdministration {

    private final CommandApi commands;
    private final Registers registers;

    RegisterAdministration(CommandApi commands, Registers registers) {
        this.commands = commands;
        this.registers = registers;
    }

    @GetMapping("/admin/registers")
    String page(Model model) {
        return show(model, null, Map.of(), FieldProblems.NONE);
    }

    @PostMapping("/admin/authorities")
    String registerAuthority(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
        Submitted form = new Submitted(params);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("authorityId", form.text("authorityId"));
        body.put("name", form.text("name"));
        body.put("kind", form.text("kind"));
        body.put("parentAuthorityId", form.text("parentAuthorityId"));
        return register("/api/authorities", "authority", body, form, model, redirect);
    }

    @PostMapping("/admin/places")
    String registerPlace(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
        Submitted form = new Submitted(params);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("placeId", form.text("placeId"));
        body.put("name", form.text("name"));
        body.put("type", form.text("type"));
        body.put("region", form.text("region"));
        body.put("authorityId", form.text("authorityId"));
        return register("/api/places", "place", body, form, model, redirect);
    }

    private String register(String path, String kind, Map<String, Object> body, Submitted form, Model model,
            RedirectAttributes redirect) {
        try {
            commands.post(path, body, null);
            redirect.addFlashAttribute("registered", body.get("name"));
            return "redirect:/admin/registers";
        } catch (ApiRefusal refusal) {
            if (refusal.status() >= 500 || refusal.status() == 401 || refusal.status() == 403) {
                throw refusal;
            }
            return show(model, kind, form.asTyped(), FieldProblems.of(refusal));
        }
    }

    private String show(Model model, String refusedForm, Map<String, String> typed, FieldProblems problems) {
        Registers.Snapshot known = registers.now();
        model.addAttribute("authorities", known.authorities());
        model.addAttribute("places", known.places());
        model.addAttribute("authorityNames", known.authorityNames());
        model.addAttribute("authorityOptions", known.authorityOptions());
        model.addAttribute("authorityKinds", Vocabulary.AUTHORITY_KINDS);
        model.addAttribute("placeTypes", Vocabulary.PLACE_TYPES);
        model.addAttribute("authorityValues", "authority".equals(refusedForm) ? typed : Map.of("authorityId", UUID.randomUUID().toString()));
        model.addAttribute("placeValues", "place".equals(refusedForm) ? typed : Map.of("placeId", UUID.randomUUID().toString()));
        model.addAttribute("authorityProblems", "authority".equals(refusedForm) ? problems : FieldProblems.NONE);
        model.addAttribute("placeProblems", "place".equals(refusedForm) ? problems : FieldProblems.NONE);
        model.addAttribute("pagePath", "/admin/registers");
        return "admin-registers";
    }

}
