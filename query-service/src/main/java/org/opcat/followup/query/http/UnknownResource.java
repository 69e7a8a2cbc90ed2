package org.opcat.followup.query.http;

import org.opcat.followup.api.ProblemCode;
import org.opcat.followup.api.ProblemMessages;

/** Answered as 404: the read models know no such recommendation or authority. */
public class UnknownResource extends CodedRefusal {

    /** @param code unknown-recommendation or unknown-authority */
    public UnknownResource(ProblemCode code, Object id) {
        super(code, ProblemMessages.args("id", id));
    }
}
