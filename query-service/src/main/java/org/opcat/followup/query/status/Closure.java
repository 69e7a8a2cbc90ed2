package org.opcat.followup.query.status;

/**
 * Whether the last closing event still holds: implemented and withdrawn close a recommendation,
 * reopened makes it {@link #OPEN} again (SPEC §3's word, and the aggregate's). Only the latest one
 * matters because the aggregate accepts nothing but a reopening on a closed recommendation.
 */
public enum Closure {
    OPEN,
    IMPLEMENTED,
    WITHDRAWN
}
