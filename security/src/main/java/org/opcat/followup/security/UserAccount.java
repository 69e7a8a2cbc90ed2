package org.opcat.followup.security;

import java.time.Instant;
import java.util.Set;

/** A row of the user register, without its password hash. */
public record UserAccount(String username, Set<Role> roles, boolean enabled, Instant lockedUntil, Instant changedAt,
        String changedBy) {

    /** Locked by failed sign-ins at {@code now}: password sign-in is refused until the lock runs out. */
    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
