package org.opcat.followup.command.admin;

import org.opcat.followup.eventstore.EventChain;
import org.opcat.followup.eventstore.EventChain.Verification;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** ADMIN: verify the tamper-evident chain of every stored event. */
@RestController
class EventChainController {

    private final EventChain chain;

    EventChainController(EventChain chain) {
        this.chain = chain;
    }

    @GetMapping("/api/admin/event-chain")
    Verification verify() {
        return chain.verify();
    }
}
