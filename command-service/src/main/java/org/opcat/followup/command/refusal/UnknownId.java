package org.opcat.followup.command.refusal;

import java.util.UUID;
import org.opcat.followup.api.ProblemCode;

/** The request names a recommendation, authority or place that does not exist: 404. */
public final class UnknownId extends CommandRefused {

    /** @param code unknown-authority, unknown-place, unknown-recommendation... */
    public UnknownId(String field, ProblemCode code, UUID id) {
        super(field, code, Problem.of(field, code, "id", id).args());
    }
}
