package org.opcat.followup.query.http;

/** A query parameter that is well-typed but not acceptable (unknown sort field, page size out of range). */
public class BadQuery extends RuntimeException {

    private final String field;

    public BadQuery(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
