package org.opcat.followup.events.recommendation;

/**
 * How far a recommendation has been put into practice, as assessed by a follow-up visit or a desk
 * assessment. {@link #NOT_ASSESSED} is the absence of any assessment: an analyst cannot assess to it.
 */
public enum ImplementationStatus {
    NOT_ASSESSED,
    NOT_IMPLEMENTED,
    IN_PROGRESS,
    PARTIALLY_IMPLEMENTED,
    IMPLEMENTED;

    public boolean isAssessment() {
        return this != NOT_ASSESSED;
    }
}
