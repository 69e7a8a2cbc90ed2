package org.opcat.followup.web;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * Not a test: {@code mvn -pl web-ui test -Dtest=HoldStack -Dstack.hold=30} starts the test stack and
 * keeps it for that many minutes, to look at the pages by hand (URLs printed). Skipped otherwise.
 */
class HoldStack {

    @Test
    void hold() throws Exception {
        String minutes = System.getProperty("stack.hold");
        assumeTrue(minutes != null, "only on request");
        TestStack stack = TestStack.get();
        System.out.println("STACK web " + stack.webUrl + " command " + stack.commandUrl + " query " + stack.queryUrl
                + " private key " + stack.keys.privateKeyLocation());
        Thread.sleep(Long.parseLong(minutes) * 60_000);
    }
}
