package org.opcat.followup.query.report;

/**
 * What happened to a recommendation, as the implementation history of the annual report lists it.
 * {@link #ISSUED} comes from {@code report_recommendation}; every other kind is a {@code report_fact}.
 */
public enum EventKind {
    ISSUED,
    RESPONSE_RECORDED,
    ACTION_PLAN_FILED,
    FOLLOW_UP_VISIT,
    ASSESSED,
    IMPLEMENTED,
    REITERATED,
    WITHDRAWN,
    REOPENED
}
