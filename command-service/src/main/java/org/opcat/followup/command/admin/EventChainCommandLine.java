package org.opcat.followup.command.admin;

import java.util.List;
import org.opcat.followup.eventstore.EventChain;
import org.opcat.followup.eventstore.EventChain.StoreDigest;
import org.opcat.followup.eventstore.EventChain.Verification;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar command-service.jar --verify-event-chain [--digest-at=N]}: verifies the chain,
 * prints the result and the store digest (up to the last global index, or up to N to compare with
 * a digest kept earlier), and exits 0 when intact, 3 when a link is broken, 2 when N is no index of
 * the store (see CommandServiceApplication).
 */
@Component
public class EventChainCommandLine implements ApplicationRunner, ExitCodeGenerator {

    public static final String OPTION = "verify-event-chain";
    public static final String DIGEST_AT = "digest-at";

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
        Long digestAt = null;
        if (arguments.containsOption(DIGEST_AT)) {
            List<String> values = arguments.getOptionValues(DIGEST_AT);
            long last = chain.lastGlobalIndex();
            digestAt = values.size() == 1 && values.get(0).matches("\\d{1,18}") ? Long.valueOf(values.get(0)) : null;
            if (digestAt == null || digestAt > last) {
                System.out.println("--" + DIGEST_AT + " takes one global index of the store, 0 to " + last + "; got " + values);
                exitCode = 2;
                return;
            }
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
        StoreDigest digest = digestAt == null ? verification.storeDigest() : chain.digest(digestAt);
        System.out.println(line(digest));
    }

    /** The line to keep outside the database; a later run with --digest-at=N prints it again unless history changed. */
    public static String line(StoreDigest digest) {
        return "store digest up to global index " + digest.globalIndex() + ": sha256 " + digest.sha256();
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
