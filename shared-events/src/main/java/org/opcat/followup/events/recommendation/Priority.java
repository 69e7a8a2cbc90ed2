package org.opcat.followup.events.recommendation;

/** How urgently the NPM wants the authority to act. */
public enum Priority {
    URGENT,
    HIGH,
    NORMAL
}
