package org.opcat.followup.query.export;

import org.opcat.followup.api.ProblemType;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * 422 problem+json when the filters select more recommendations than {@code followup.export.max-rows}:
 * the request is well formed, the file it asks for is not one the service makes. Answered before a
 * byte of the file exists.
 */
@RestControllerAdvice(assignableTypes = ExportController.class)
class ExportProblems {

    @ExceptionHandler(RecommendationExport.TooManyRows.class)
    ResponseEntity<ProblemDetail> tooManyRows(RecommendationExport.TooManyRows e) {
        ProblemDetail problem = ProblemType.problem(HttpStatus.UNPROCESSABLE_ENTITY, "export-too-large", "Export too large",
                e.getMessage());
        problem.setProperty("rows", e.rows());
        problem.setProperty("maxRows", e.maxRows());
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY).body(problem);
    }
}
