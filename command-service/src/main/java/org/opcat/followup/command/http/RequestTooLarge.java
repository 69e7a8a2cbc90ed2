package org.opcat.followup.command.http;

import java.io.IOException;

/** A request body over the configured limit: refused before it is parsed. */
class RequestTooLarge extends IOException {

    private final long limit;

    RequestTooLarge(long limit) {
        super("the request body is larger than " + limit + " bytes");
        this.limit = limit;
    }

    long limit() {
        return limit;
    }
}
