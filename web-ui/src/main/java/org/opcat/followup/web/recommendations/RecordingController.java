package org.opcat.followup.web.recommendations;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opcat.followup.web.forms.FieldProblems;
import org.opcat.followup.web.forms.Submitted;
import org.opcat.followup.web.relay.ApiRefusal;
import org.opcat.followup.web.relay.CommandApi;
import org.opcat.followup.web.signin.SignedInUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An analyst records what happened to a recommendation: a response, an action plan, a visit... The
 * form goes to the command API as it was typed; on success the browser is sent to the page with
 * the version the command answered, so the page waits for the read side to have it (no sleeping);
 * on refusal the page is shown again, the API's objections beside the fields.
 */
@Controller
class RecordingController {

    private final CommandApi commands;
    private final RecommendationPage page;

    RecordingController(CommandApi commands, RecommendationPage page) {
        this.commands = commands;
        this.page = page;
    }

    @PostMapping("/recommendations/{id}/{kind}")
    String record(@PathVariable UUID id, @PathVariable String kind, @RequestParam MultiValueMap<String, String> params,
            @AuthenticationPrincipal SignedInUser user, Model model, RedirectAttributes redirect) {
        List<String> fields = RecordingForms.FIELDS.get(kind);
        if (fields == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Submitted form = new Submitted(params);
        Map<String, Object> body = new LinkedHashMap<>();
        for (String field : fields) {
            String value = form.text(field);
            if (value != null) {
                body.put(field, value);
            }
        }
        List<Map<String, String>> measures = form.measures();
        if (kind.equals("action-plans")) {
            body.put("measures", measures.stream().map(RecordingController::measure).toList());
        }
        Long seenVersion = parseVersion(form.text("version"));
        try {
            Map<String, Object> answer = commands.post("/api/recommendations/" + id + "/" + kind, body, seenVersion);
            redirect.addFlashAttribute("recorded", kind);
            return "redirect:/recommendations/" + id + "?minVersion=" + answer.get("version");
        } catch (ApiRefusal refusal) {
            if (refusal.status() >= 500 || refusal.status() == 401 || refusal.status() == 403) {
                throw refusal;
            }
            model.addAttribute("refused", true);
            return page.show(model, id, null, user, kind, form.asTyped(), measures, FieldProblems.of(refusal));
        }
    }

    /** Blank cells are left out, so the API names them as missing rather than malformed. */
    private static Map<String, String> measure(Map<String, String> row) {
        Map<String, String> measure = new LinkedHashMap<>();
        row.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                measure.put(k, v.strip());
            }
        });
        return measure;
    }

    private static Long parseVersion(String version) {
        try {
            return version == null ? null : Long.valueOf(version);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
