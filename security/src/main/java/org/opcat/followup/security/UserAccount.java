package org.opcat.followup.security;

import java.time.Instant;
import java.util.Set;

/** A row of the user register, without its password hash. */
public record UserAccount(String username, Set<Role> roles, boolean enabled, Instant lockedUntil, Instant changedAt,
        String changedBy) {
}
