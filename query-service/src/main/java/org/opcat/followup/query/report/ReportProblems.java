package org.opcat.followup.query.report;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.opcat.followup.security.ProblemType;

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
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setType(ProblemType.named("forbidden"));
        problem.setTitle("Forbidden");
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
    }

    @ExceptionHandler(AnnualReportController.TooLargeForPdf.class)
    ResponseEntity<ProblemDetail> tooLargeForPdf(AnnualReportController.TooLargeForPdf e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
        problem.setType(ProblemType.named("report-too-large-for-pdf"));
        problem.setTitle("Report too large for pdf");
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY).body(problem);
    }

    @ExceptionHandler(KnownAtCoverage.Behind.class)
    ResponseEntity<ProblemDetail> behind(KnownAtCoverage.Behind e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setType(ProblemType.named("report-not-yet-complete"));
        problem.setTitle("Report read model not yet complete for knownAt");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .body(problem);
    }
}
