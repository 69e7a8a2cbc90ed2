package org.opcat.followup.query.status;

/** Where a recommendation stands in the follow-up (SPEC §3 "Derived state"). */
public enum Stage {
    AWAITING_RESPONSE,
    RESPONDED,
    ACTION_PLAN_FILED,
    IMPLEMENTED,
    WITHDRAWN;

    public boolean isOpen() {
        return this != IMPLEMENTED && this != WITHDRAWN;
    }
}
