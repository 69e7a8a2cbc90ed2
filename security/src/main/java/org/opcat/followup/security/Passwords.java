package org.opcat.followup.security;

import java.nio.charset.StandardCharsets;

/** What a real password must be. bcrypt reads at most 72 bytes, so longer ones would be cut silently. */
final class Passwords {

    static final String RULE = "12 to 72 bytes, and not a demo password";

    private Passwords() {
    }

    static boolean acceptable(String username, String password) {
        int bytes = password.getBytes(StandardCharsets.UTF_8).length;
        return bytes >= 12 && bytes <= 72 && !password.equals(UserBootstrap.demoPassword(username));
    }
}
