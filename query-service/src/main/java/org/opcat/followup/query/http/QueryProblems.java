package org.opcat.followup.query.http;

import java.util.LinkedHashMap;
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
import org.opcat.followup.api.ProblemCode;
import org.opcat.followup.api.ProblemMessages;
import org.opcat.followup.api.ProblemType;
import org.springframework.context.i18n.LocaleContextHolder;

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
        return badRequest(e.field(), e.code(), e.args());
    }

    @ExceptionHandler(UnknownResource.class)
    ResponseEntity<ProblemDetail> unknown(UnknownResource e) {
        return coded(problem(HttpStatus.NOT_FOUND, ProblemType.NOT_FOUND, "Not found", e.message(LocaleContextHolder.getLocale())),
                e.code(), e.args());
    }

    @ExceptionHandler(ReadModelBehind.class)
    ResponseEntity<ProblemDetail> behind(ReadModelBehind e) {
        ResponseEntity<ProblemDetail> answer = coded(problem(HttpStatus.GATEWAY_TIMEOUT, "read-model-behind",
                "Read model not yet at the asked version", e.message(LocaleContextHolder.getLocale())), e.code(), e.args());
        return ResponseEntity.status(answer.getStatusCode()).header(HttpHeaders.RETRY_AFTER, "1")
                .body(answer.getBody());
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        return ResponseEntity.badRequest().body(notA(field, e.getValue(), e.getRequiredType()).getBody());
    }

    /** A filter bound into a record (RecommendationFilter): the first value that could not be read. */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        FieldError error = e.getBindingResult().getFieldError();
        if (error == null) {
            return ResponseEntity.badRequest().body(badRequest("query", ProblemCode.INVALID, Map.of()).getBody());
        }
        TypeMismatchException mismatch = error.contains(TypeMismatchException.class) ? error.unwrap(TypeMismatchException.class) : null;
        if (mismatch != null && mismatch.getRequiredType() != null) {
            return ResponseEntity.badRequest().body(notA(error.getField(), error.getRejectedValue(), mismatch.getRequiredType()).getBody());
        }
        return ResponseEntity.badRequest().body(badRequest(error.getField(), ProblemCode.INVALID, Map.of()).getBody());
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(badRequest(e.getParameterName(), ProblemCode.REQUIRED, Map.of()).getBody());
    }

    /** A value that is not of the parameter's type: the code names the type, so a client can word it. */
    private static ResponseEntity<ProblemDetail> notA(String field, Object value, Class<?> type) {
        if (type == null) {
            return badRequest(field, ProblemCode.NOT_OF_TYPE, ProblemMessages.args("value", value, "type", "another type"));
        }
        if (type.isEnum()) {
            return badRequest(field, ProblemCode.NOT_ONE_OF_VALUES,
                    ProblemMessages.args("value", value, "allowed", List.of(type.getEnumConstants())));
        }
        ProblemCode code = switch (type.getSimpleName()) {
            case "LocalDate" -> ProblemCode.NOT_A_DATE;
            case "UUID" -> ProblemCode.NOT_A_UUID;
            case "Boolean", "boolean" -> ProblemCode.NOT_A_BOOLEAN;
            case "Integer", "int", "Long", "long" -> ProblemCode.NOT_A_NUMBER;
            default -> ProblemCode.NOT_OF_TYPE;
        };
        return badRequest(field, code, ProblemMessages.args("value", value, "type", type.getSimpleName()));
    }

    /** "parameter: text" in the request's language, and {@code errors} of one {field, code, args, message}. */
    private static ResponseEntity<ProblemDetail> badRequest(String field, ProblemCode code, Map<String, Object> args) {
        String message = ProblemMessages.message(code, args, LocaleContextHolder.getLocale());
        ResponseEntity<ProblemDetail> answer = coded(problem(HttpStatus.BAD_REQUEST, "bad-query", "Bad query parameter",
                field + ": " + message), code, args);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("code", code.code());
        if (!args.isEmpty()) {
            error.put("args", args);
        }
        error.put("message", message);
        answer.getBody().setProperty("errors", List.of(error));
        return answer;
    }

    private static ResponseEntity<ProblemDetail> coded(ResponseEntity<ProblemDetail> answer, ProblemCode code,
            Map<String, Object> args) {
        answer.getBody().setProperty("code", code.code());
        answer.getBody().setProperty("args", args);
        return answer;
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemType.problem(status, type, title, detail);
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
