package org.opcat.followup.system;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** Bounded waiting on a condition of another process, checked a few times a second. */
final class Waiting {

    private Waiting() {
    }

    static void until(String what, Duration timeout, Callable<Boolean> condition) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.call()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("gave up waiting for " + what + " after " + timeout);
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }
}
