package org.opcat.followup.events.recommendation;

/** The kind of document a recommendation was made in. */
public enum SourceKind {
    VISIT_REPORT,
    THEMATIC_REPORT,
    ANNUAL_REPORT,
    LEGISLATIVE_OPINION,
    SPT_REPORT,
    OTHER
}
