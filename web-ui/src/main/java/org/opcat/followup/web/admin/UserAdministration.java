package org.opcat.followup.web.admin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.opcat.followup.web.forms.FieldProblems;
import org.opcat.followup.web.forms.Submitted;
import org.opcat.followup.web.recommendations.Vocabulary;
import org.opcat.followup.web.relay.ApiRefusal;
import org.opcat.followup.web.relay.CommandApi;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An administrator manages the user register (command-service's {@code /api/users}): adds users,
 * changes roles, disables accounts, sets a new password. The web interface never stores any of it.
 */
@Controller
class UserAdministration {

    /** The changes that send a password. */
    private static final Set<String> PASSWORD_CHANGES = Set.of("added", "passwordSet");

    private final CommandApi commands;
    private final MessageSource messages;

    UserAdministration(CommandApi commands, MessageSource messages) {
        this.commands = commands;
        this.messages = messages;
    }

    @GetMapping("/admin/users")
    String page(Model model) {
        return show(model, null, Map.of(), FieldProblems.NONE);
    }

    @PostMapping("/admin/users")
    String add(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
        Submitted form = new Submitted(params);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", form.text("username"));
        body.put("password", params.getFirst("password"));
        body.put("roles", form.all("roles"));
        return change(() -> commands.post("/api/users", body, null), "added", form.text("username"), null, form, model, redirect);
    }

    @PostMapping("/admin/users/{username}/roles")
    String roles(@PathVariable String username, @RequestParam MultiValueMap<String, String> params, Model model,
            RedirectAttributes redirect) {
        Submitted form = new Submitted(params);
        return change(() -> commands.put("/api/users/{name}/roles", Map.of("roles", form.all("roles")), username),
                "rolesChanged", username, username, form, model, redirect);
    }

    @PostMapping("/admin/users/{username}/enabled")
    String enabled(@PathVariable String username, @RequestParam boolean enabled, Model model, RedirectAttributes redirect) {
        return change(() -> commands.put("/api/users/{name}/enabled", Map.of("enabled", enabled), username),
                enabled ? "enabled" : "disabled", username, username, null, model, redirect);
    }

    @PostMapping("/admin/users/{username}/password")
    String password(@PathVariable String username, @RequestParam MultiValueMap<String, String> params, Model model,
            RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("password", params.getFirst("password"));
        return change(() -> commands.put("/api/users/{name}/password", body, username), "passwordSet", username, username, null, model,
                redirect);
    }

    private String change(Runnable call, String what, String username, String row, Submitted form, Model model,
            RedirectAttributes redirect) {
        try {
            call.run();
            redirect.addFlashAttribute("changed", what);
            redirect.addFlashAttribute("changedUser", username);
            return "redirect:/admin/users";
        } catch (ApiRefusal refusal) {
            if (refusal.status() >= 500 || refusal.status() == 401 || refusal.status() == 403) {
                throw refusal;
            }
            Map<String, String> typed = form == null || row != null ? Map.of() : form.asTyped();
            typed = new LinkedHashMap<>(typed);
            typed.remove("password"); // never sent back to the browser
            FieldProblems problems = FieldProblems.of(refusal);
            if (refusal.status() == 400 && refusal.fieldErrors().isEmpty() && PASSWORD_CHANGES.contains(what)) {
                // The register checks every field but the password by field; what is left is the password rule.
                problems = problems.withField("password",
                        messages.getMessage("users.passwordRefused", null, LocaleContextHolder.getLocale()));
            }
            model.addAttribute("refusedChange", what);
            return show(model, row == null ? "new" : row, typed, problems);
        }
    }

    private String show(Model model, String refusedRow, Map<String, String> typed, FieldProblems problems) {
        model.addAttribute("users", commands.list("/api/users"));
        model.addAttribute("roles", Vocabulary.ROLES);
        model.addAttribute("refusedRow", refusedRow);
        model.addAttribute("newValues", "new".equals(refusedRow) ? typed : Map.of());
        model.addAttribute("problems", problems);
        model.addAttribute("newProblems", "new".equals(refusedRow) ? problems : FieldProblems.NONE);
        model.addAttribute("pagePath", "/admin/users");
        return "admin-users";
    }


}
