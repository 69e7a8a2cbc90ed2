package org.opcat.followup.query.http;

import java.util.List;
import java.util.Map;
import org.opcat.followup.query.freshness.ReadYourWrites.ReadModelBehind;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.opcat.followup.security.ProblemType;

/**
 * Errors of the query API as {@code application/problem+json} (SPEC §4): 400 with an
 * {@code errors} array naming the parameter for bad filter values, 404 for unknown ids, 504 when a
 * {@code minVersion} wait ran out. Spring's own MVC errors (unknown path, wrong method) keep its
 * problem rendering from the base class.
 */
@RestControllerAdvice
public class QueryProblems extends ResponseEntityExceptionHandler {

    @ExceptionHandler(BadQuery.class)
    ResponseEntity<ProblemDetail> badQuery(BadQuery e) {
        return badRequest(e.field(), e.getMessage());
    }

    @ExceptionHandler(UnknownResource.class)
    ResponseEntity<ProblemDetail> unknown(UnknownResource e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
    }

    @ExceptionHandler(ReadModelBehind.class)
    ResponseEntity<ProblemDetail> behind(ReadModelBehind e) {
        ResponseEntity<ProblemDetail> answer = problem(HttpStatus.GATEWAY_TIMEOUT, "read-model-behind",
                "Read model not yet at the asked version", e.getMessage());
        return ResponseEntity.status(answer.getStatusCode()).header(HttpHeaders.RETRY_AFTER, "1")
                .body(answer.getBody());
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        String expected = e.getRequiredType() == null ? "another type" : describe(e.getRequiredType());
        return ResponseEntity.badRequest().body(badRequest(field,
                "'" + e.getValue() + "' is not " + expected).getBody());
    }

    /** A filter bound into a record (RecommendationFilter): the first value that could not be read. */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        FieldError error = e.getBindingResult().getFieldError();
        if (error == null) {
            return ResponseEntity.badRequest().body(badRequest("query", "is not valid").getBody());
        }
        TypeMismatchException mismatch = error.contains(TypeMismatchException.class) ? error.unwrap(TypeMismatchException.class) : null;
        String message = mismatch != null && mismatch.getRequiredType() != null
                ? "'" + error.getRejectedValue() + "' is not " + describe(mismatch.getRequiredType())
                : String.valueOf(error.getDefaultMessage());
        return ResponseEntity.badRequest().body(badRequest(error.getField(), message).getBody());
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(badRequest(e.getParameterName(), "is required").getBody());
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + List.of(type.getEnumConstants());
        }
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "a date (yyyy-mm-dd)";
            case "UUID" -> "a UUID";
            case "Boolean", "boolean" -> "true or false";
            case "Integer", "int", "Long", "long" -> "a whole number";
            default -> "a " + type.getSimpleName();
        };
    }

    private static ResponseEntity<ProblemDetail> badRequest(String field, String message) {
        ResponseEntity<ProblemDetail> answer = problem(HttpStatus.BAD_REQUEST, "bad-query", "Bad query parameter",
                field + ": " + message);
        answer.getBody().setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return answer;
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ProblemType.named(type));
        problem.setTitle(title);
        return ResponseEntity.status(status).body(problem);
    }

    /** Spring's own refusals (unknown path, wrong method): a type of ours too, see {@link ProblemType#fillIn}. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> answer = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (answer != null) {
            ProblemType.fillIn(answer.getBody(), answer.getStatusCode());
        }
        return answer;
    }
}
