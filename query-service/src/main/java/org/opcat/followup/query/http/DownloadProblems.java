package org.opcat.followup.query.http;

import org.opcat.followup.api.ProblemType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** 429 problem+json with Retry-After when the reports and exports being made take every permit ({@link Downloads}). */
@RestControllerAdvice
class DownloadProblems {

    @ExceptionHandler(Downloads.Busy.class)
    ResponseEntity<ProblemDetail> busy(Downloads.Busy e) {
        ProblemDetail problem = ProblemType.problem(HttpStatus.TOO_MANY_REQUESTS, "too-busy",
                "Too many reports or exports being made", e.getMessage());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds())).body(problem);
    }
}
