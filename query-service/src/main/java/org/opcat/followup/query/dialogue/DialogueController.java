package org.opcat.followup.query.dialogue;

import io.swagger.v3.oas.annotations.Operation;
import org.opcat.followup.api.ProblemCode;
import java.util.UUID;
import org.opcat.followup.query.Today;
import org.opcat.followup.query.freshness.ReadYourWrites;
import org.opcat.followup.query.http.UnknownResource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** GET /api/authorities/{id}/dialogue; {@code recommendationId} + {@code minVersion} wait for a write. */
@RestController
public class DialogueController {

    private final DialogueQueries queries;
    private final ReadYourWrites readYourWrites;
    private final Today today;

    public DialogueController(DialogueQueries queries, ReadYourWrites readYourWrites, Today today) {
        this.queries = queries;
        this.readYourWrites = readYourWrites;
        this.today = today;
    }

    @Operation(summary = "Dialogue with an authority",
            description = "ANALYST, MANAGER or ADMIN. What to raise at the next meeting with an authority: its open "
            + "recommendations, their latest responses and what is overdue. minVersion with "
            + "recommendationId waits until the read models have that version of that recommendation "
            + "(at most FOLLOWUP_MAX_WAIT, then 504 read-model-behind).")
    @GetMapping("/api/authorities/{id}/dialogue")
    public AuthorityDialogue dialogue(@PathVariable UUID id, @RequestParam(required = false) UUID recommendationId,
            @RequestParam(required = false) Long minVersion) {
        readYourWrites.awaitIfAsked(recommendationId, minVersion);
        return queries.dialogue(id, today.date()).orElseThrow(() -> new UnknownResource(ProblemCode.UNKNOWN_AUTHORITY, id));
    }
}
