package org.opcat.followup.events.recommendation;

/** The document a recommendation was first made in, e.g. a visit report and its reference. */
public record Source(SourceKind kind, String documentReference) {
}
