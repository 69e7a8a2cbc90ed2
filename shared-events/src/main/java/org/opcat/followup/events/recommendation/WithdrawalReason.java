package org.opcat.followup.events.recommendation;

/** Why the NPM itself withdrew a recommendation. */
public enum WithdrawalReason {
    SUPERSEDED,
    NO_LONGER_APPLICABLE,
    ISSUED_IN_ERROR
}
