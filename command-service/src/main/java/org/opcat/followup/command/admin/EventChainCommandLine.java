package org.opcat.followup.command.admin;

import org.opcat.followup.eventstore.EventChain;
import org.opcat.followup.eventstore.EventChain.Verification;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar command-service.jar --verify-event-chain}: verifies the chain, prints the result
 * and exits 0 when intact, 3 when a link is broken (see CommandServiceApplication).
 */
@Component
public class EventChainCommandLine implements ApplicationRunner, ExitCodeGenerator {

    public static final String OPTION = "verify-event-chain";

    private final EventChain chain;
    private int exitCode;

    EventChainCommandLine(EventChain chain) {
        this.chain = chain;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        if (!arguments.containsOption(OPTION)) {
            return;
        }
        Verification verification = chain.verify();
        if (verification.intact()) {
            System.out.println("event chain intact: " + verification.checked() + " events checked");
        } else {
            var link = verification.firstBrokenLink();
            System.out.println("event chain BROKEN at global index " + link.globalIndex() + " (aggregate "
                    + link.aggregateIdentifier() + ", sequence " + link.sequenceNumber() + "): " + link.reason()
                    + "; " + verification.checked() + " events checked");
            exitCode = 3;
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
