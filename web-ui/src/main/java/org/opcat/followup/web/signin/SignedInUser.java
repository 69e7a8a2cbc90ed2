package org.opcat.followup.web.signin;

import java.io.Serializable;
import java.util.Set;
import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * All the web interface keeps of a signed-in user, in the HTTP session: the name and roles that
 * command-service confirmed at sign-in. Never the password.
 */
public record SignedInUser(String username, Set<String> roles) implements AuthenticatedPrincipal, Serializable {

    @Override
    public String getName() {
        return username;
    }

    /** Analysts and administrators record what happens (the services enforce the same). */
    public boolean records() {
        return roles.contains("ANALYST") || roles.contains("ADMIN");
    }

    /** Everyone but a reporter reads the recommendations themselves. */
    public boolean reads() {
        return records() || roles.contains("MANAGER");
    }

    public boolean administers() {
        return roles.contains("ADMIN");
    }

    /** A reporter sees public reports only. */
    public boolean publicReportsOnly() {
        return !reads();
    }
}
