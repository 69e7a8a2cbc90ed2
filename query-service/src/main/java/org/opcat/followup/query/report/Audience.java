package org.opcat.followup.query.report;

/**
 * Who the report is for. A {@link #PUBLIC} report leaves out the reference, title, text and
 * responses of confidential recommendations (and every other text entered about them) but still
 * counts them in its figures.
 */
public enum Audience {
    INTERNAL,
    PUBLIC
}
