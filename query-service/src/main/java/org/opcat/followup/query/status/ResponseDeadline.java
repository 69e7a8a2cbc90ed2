package org.opcat.followup.query.status;

import java.time.LocalDate;

/**
 * When an answer is overdue. This depends on "today" (or a report's {@code asOf}), so it is never
 * stored: Java callers use the methods, SQL callers the predicates, which say the same thing (a
 * test holds them together). SQL predicates expect the column names of
 * {@code query.recommendation_summary} and a bind parameter {@code :today}.
 */
public final class ResponseDeadline {

    /** {@link #responseOverdue} in SQL. */
    public static final String OVERDUE_SQL =
            "(stage = 'AWAITING_RESPONSE' AND response_due_on IS NOT NULL AND response_due_on < :today)";

    /** {@link #responseOverdue} negated in SQL (null-safe). */
    public static final String NOT_OVERDUE_SQL = "(NOT " + OVERDUE_SQL + ")";

    /**
     * {@link #addresseeOverdue} in SQL, for {@code recommendation_summary s} joined with
     * {@code addressee_dialogue d} (whose {@code first_response_on} is that addressee's own).
     */
    public static final String ADDRESSEE_OVERDUE_SQL = "(s.open AND d.first_response_on IS NULL"
            + " AND s.response_due_on IS NOT NULL AND s.response_due_on < :today)";

    private ResponseDeadline() {
    }

    /** SPEC §3: stage is AWAITING_RESPONSE and responseDueOn is before the reference date. */
    public static boolean responseOverdue(Stage stage, LocalDate responseDueOn, LocalDate referenceDate) {
        return stage == Stage.AWAITING_RESPONSE && responseDueOn != null && responseDueOn.isBefore(referenceDate);
    }

    /**
     * The same rule for one addressee of a recommendation with several: its own answer is still
     * missing, the recommendation is open, and the deadline has passed. Used by the authority
     * dialogue, where "awaiting response" means "awaiting this authority's response".
     */
    public static boolean addresseeOverdue(boolean open, boolean addresseeResponded, LocalDate responseDueOn,
            LocalDate referenceDate) {
        return open && !addresseeResponded && responseDueOn != null && responseDueOn.isBefore(referenceDate);
    }
}
