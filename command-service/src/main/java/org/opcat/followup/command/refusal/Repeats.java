package org.opcat.followup.command.refusal;

import org.opcat.followup.api.ProblemCode;

/**
 * Client-chosen ids make requests safe to repeat: the same id with the same content is the same
 * request again (answer as the first time, store nothing); the same id with other content is a
 * conflict, never an overwrite.
 */
public final class Repeats {

    private Repeats() {
    }

    /**
     * @param earlier what was recorded under {@code id}, or null if nothing was
     * @param now     what this request would record
     * @return true if this request repeats the earlier one
     * @throws RuleViolated if {@code id} was used for something else
     */
    public static boolean isRepeat(Object earlier, Object now, String idField, Object id) {
        if (earlier == null) {
            return false;
        }
        if (!earlier.equals(now)) {
            throw new RuleViolated(idField, ProblemCode.ID_REUSED, "field", idField, "id", id);
        }
        return true;
    }
}
