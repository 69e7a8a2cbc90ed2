package org.opcat.followup.query.http;

/** Answered as 404: the read models know no such recommendation or authority. */
public class UnknownResource extends RuntimeException {

    public UnknownResource(String what, Object id) {
        super("no " + what + " with id " + id);
    }
}
