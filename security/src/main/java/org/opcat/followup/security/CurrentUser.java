package org.opcat.followup.security;

import java.util.EnumSet;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The authenticated user of the current request: its name and roles. */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static String name() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new IllegalStateException("no authenticated user: every /api path requires one");
        }
        return authentication.getName();
    }

    public static Set<Role> roles() {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null) {
            for (GrantedAuthority granted : authentication.getAuthorities()) {
                for (Role role : Role.values()) {
                    if (role.authority().equals(granted.getAuthority())) {
                        roles.add(role);
                    }
                }
            }
        }
        return roles;
    }

    /** Whether the current user may see confidential recommendations. */
    public static boolean seesConfidential() {
        return roles().stream().anyMatch(Role::seesConfidential);
    }
}
