package org.opcat.followup.query.http;

import org.opcat.followup.api.ProblemCode;

/** Which page the client asked for; sizes are bounded so one request cannot pull the whole table. */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;

    public PageRequest {
        if (page < 0) {
            throw new BadQuery("page", ProblemCode.NOT_NEGATIVE);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new BadQuery("size", ProblemCode.BETWEEN, "min", 1, "max", MAX_SIZE);
        }
    }

    public long offset() {
        return (long) page * size;
    }
}
