package org.opcat.followup.security;

/** SPEC §5. Confidential recommendations are seen by ANALYST, MANAGER and ADMIN only. */
public enum Role {
    /** Records what happens, and reads everything. */
    ANALYST,
    /** Reads everything, all reports. */
    MANAGER,
    /** Public reports only. */
    REPORTER,
    /** Everything, plus the authority, place and user registers. */
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }

    public boolean seesConfidential() {
        return this != REPORTER;
    }
}
