package org.opcat.followup.events.recommendation;

/** How an authority's response reached the NPM (seed paragraph 34: written and oral exchanges). */
public enum Channel {
    WRITTEN,
    ORAL,
    MEETING
}
