package org.opcat.followup.query.http;

/** Which page the client asked for; sizes are bounded so one request cannot pull the whole table. */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;

    public PageRequest {
        if (page < 0) {
            throw new BadQuery("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new BadQuery("size", "must be between 1 and " + MAX_SIZE);
        }
    }

    public long offset() {
        return (long) page * size;
    }
}
