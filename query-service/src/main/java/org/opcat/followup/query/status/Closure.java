package org.opcat.followup.query.status;

/**
 * Whether the last closing event still holds: implemented and withdrawn close a recommendation,
 * reopened undoes either. Only the latest one matters because the aggregate accepts nothing but a
 * reopening on a closed recommendation.
 */
public enum Closure {
    NONE,
    IMPLEMENTED,
    WITHDRAWN
}
