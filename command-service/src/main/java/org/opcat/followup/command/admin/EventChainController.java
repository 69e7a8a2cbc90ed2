package org.opcat.followup.command.admin;

import io.swagger.v3.oas.annotations.Operation;
import org.opcat.followup.command.refusal.InvalidInput;
import org.opcat.followup.eventstore.EventChain;
import org.opcat.followup.eventstore.EventChain.Verification;
import org.opcat.followup.api.ProblemCode;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * ADMIN: verify the tamper-evident chain of every stored event, with the store digest up to the
 * last global index, or up to {@code digestAt} to compare with a digest kept earlier.
 */
@RestController
class EventChainController {

    private final EventChain chain;

    EventChainController(EventChain chain) {
        this.chain = chain;
    }

    @Operation(summary = "Verify the event hash chain",
            description = "ADMIN. Recomputes the hash chain of every stored event, names the first broken link, and "
            + "gives the store digest up to the last global index, or up to digestAt to compare with a "
            + "digest kept earlier.")
    @GetMapping("/api/admin/event-chain")
    Verification verify(@RequestParam(required = false) Long digestAt) {
        if (digestAt != null) {
            long last = chain.lastGlobalIndex();
            if (digestAt < 0 || digestAt > last) {
                // a global index of the store
                throw new InvalidInput("digestAt", ProblemCode.BETWEEN, "min", 0, "max", last);
            }
        }
        Verification verification = chain.verify();
        return digestAt == null ? verification
                : new Verification(verification.checked(), verification.firstBrokenLink(), chain.digest(digestAt));
    }
}
