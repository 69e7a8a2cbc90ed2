package org.opcat.followup.events.recommendation;

/** Whether a recommendation concerns one place or the system as a whole (seed paragraph 31: root causes). */
public enum Scope {
    PLACE_SPECIFIC,
    SYSTEMIC
}
