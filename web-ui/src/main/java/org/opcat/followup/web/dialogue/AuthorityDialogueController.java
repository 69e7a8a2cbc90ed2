package org.opcat.followup.web.dialogue;

import java.util.Map;
import java.util.UUID;
import org.opcat.followup.web.recommendations.Registers;
import org.opcat.followup.web.relay.QueryApi;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Preparing a meeting with an authority: what it owes, what it promised, what is late. Printable. */
@Controller
class AuthorityDialogueController {

    private final QueryApi query;
    private final Registers registers;

    AuthorityDialogueController(QueryApi query, Registers registers) {
        this.query = query;
        this.registers = registers;
    }

    @GetMapping("/authorities")
    String authorities(Model model) {
        Registers.Snapshot known = registers.now();
        model.addAttribute("authorities", known.authorities());
        model.addAttribute("authorityNames", known.authorityNames());
        return "authorities";
    }

    @GetMapping("/authorities/{id}")
    String dialogue(@PathVariable UUID id, Model model) {
        Map<String, Object> dialogue = query.object(uri -> uri.path("/api/authorities/{id}/dialogue").build(id));
        model.addAttribute("dialogue", dialogue);
        return "dialogue";
    }
}
