package org.opcat.followup.events.recommendation;

/** What the authority says it will do with the recommendation. */
public enum Position {
    ACCEPTED,
    PARTIALLY_ACCEPTED,
    REJECTED,
    UNDER_CONSIDERATION
}
