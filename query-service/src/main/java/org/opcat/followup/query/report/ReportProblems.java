package org.opcat.followup.query.report;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.opcat.followup.api.ProblemType;

/**
 * The report's own problems, in the style of the query API's {@code QueryProblems} (which maps
 * every bad parameter of the report): 403 for an internal report asked by a user who may only have
 * the public one, 422 for a pdf of more recommendations than it can lay out in memory, 503 with
 * Retry-After when the read model is behind the asked {@code knownAt}.
 */
@RestControllerAdvice(assignableTypes = AnnualReportController.class)
class ReportProblems {

    @ExceptionHandler(AnnualReportController.InternalReportRefused.class)
    ResponseEntity<ProblemDetail> refused(AnnualReportController.InternalReportRefused e) {
        ProblemDetail problem = ProblemType.problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", e.getMessage());
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
    }

    @ExceptionHandler(AnnualReportController.TooLargeForPdf.class)
    ResponseEntity<ProblemDetail> tooLargeForPdf(AnnualReportController.TooLargeForPdf e) {
        ProblemDetail problem = ProblemType.problem(HttpStatus.UNPROCESSABLE_ENTITY, "report-too-large-for-pdf", "Report too large for pdf", e.getMessage());
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY).body(problem);
    }

    @ExceptionHandler(KnownAtCoverage.Behind.class)
    ResponseEntity<ProblemDetail> behind(KnownAtCoverage.Behind e) {
        ProblemDetail problem = ProblemType.problem(HttpStatus.SERVICE_UNAVAILABLE, "report-not-yet-complete", "Report read model not yet complete for knownAt", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem);
    }
}
