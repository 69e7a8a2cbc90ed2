package org.opcat.followup.query;

/**
 * What happened to a recommendation, one name per recommendation event wherever a reader sees it:
 * the history's {@code type}, the annual report's {@code events[].type} and their translations
 * (docs/query-api.md lists them).
 */
public enum EventKind {
    ISSUED,
    RESPONSE_RECORDED,
    ACTION_PLAN_FILED,
    FOLLOW_UP_VISIT_RECORDED,
    IMPLEMENTATION_ASSESSED,
    IMPLEMENTED,
    REITERATED,
    WITHDRAWN,
    REOPENED,
    DOCUMENT_ATTACHED,
    DOCUMENT_PURGED
}
