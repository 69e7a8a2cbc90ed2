package org.opcat.followup.command.refusal;

import java.util.UUID;

/** The request names a recommendation, authority or place that does not exist: 404. */
public final class UnknownId extends CommandRefused {

    public UnknownId(String field, String what, UUID id) {
        super(field, "no " + what + " with id " + id);
    }
}
