package org.opcat.followup.command.document;

import org.opcat.followup.command.refusal.Problem;
import org.opcat.followup.api.ProblemCode;
import org.springframework.http.HttpStatus;

/** An upload refused for what its bytes are (413, 415): nothing is stored. */
class DocumentRefused extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final transient Problem problem;

    DocumentRefused(HttpStatus status, String type, ProblemCode code, Object... args) {
        super(code.code(), null, false, false);
        this.status = status;
        this.type = type;
        this.problem = Problem.of("file", code, args);
    }

    static DocumentRefused unsupported(ProblemCode code, Object... args) {
        return new DocumentRefused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", code, args);
    }

    HttpStatus status() {
        return status;
    }

    String type() {
        return type;
    }

    Problem problem() {
        return problem;
    }
}
