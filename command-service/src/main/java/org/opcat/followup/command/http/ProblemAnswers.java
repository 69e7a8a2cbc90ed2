package org.opcat.followup.command.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.opcat.followup.command.refusal.CommandRefused;
import org.opcat.followup.command.refusal.InvalidInput;
import org.opcat.followup.command.refusal.UnknownId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.opcat.followup.security.ProblemType;

/**
 * Every refusal as {@code application/problem+json} (RFC 9457): 400 malformed or invalid input,
 * 404 unknown ids, 409 rule violations, repeats with other content, stale versions and concurrent
 * appends. Bad input
 * must never surface as 500.
 */
@RestControllerAdvice
public class ProblemAnswers extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAnswers.class);

    /** One {field, message} pair of a validation problem. */
    record FieldProblem(String field, String message) {
    }

    @ExceptionHandler(CommandRefused.class)
    ResponseEntity<Object> refused(CommandRefused refusal) {
        HttpStatus status;
        String type;
        if (refusal instanceof InvalidInput) {
            status = HttpStatus.BAD_REQUEST;
            type = "invalid-input";
        } else if (refusal instanceof UnknownId) {
            status = HttpStatus.NOT_FOUND;
            type = "unknown-id";
        } else {
            status = HttpStatus.CONFLICT;
            type = "rule-violated";
        }
        List<FieldProblem> errors = refusal.field() == null ? List.of() : List.of(new FieldProblem(refusal.field(), refusal.getMessage()));
        return problem(status, type, refusal.getMessage(), errors);
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<Object> executionFailed(CommandExecutionException failure) {
        Throwable cause = failure.getCause();
        if (cause instanceof CommandRefused refused) {
            return refused(refused);
        }
        if (cause instanceof AggregateNotFoundException notFound) {
            return notFound(notFound);
        }
        if (cause instanceof ConcurrencyException || cause instanceof AggregateStreamCreationException) {
            return concurrentChange((RuntimeException) cause);
        }
        throw failure;
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<Object> notFound(AggregateNotFoundException notFound) {
        return problem(HttpStatus.NOT_FOUND, "unknown-id", "no record with id " + notFound.getAggregateIdentifier(), List.of());
    }

    /**
     * Another writer appended to the same record first (the store's unique sequence key): another
     * command-service instance, while the request had {@code If-Match} or its retries ran out.
     */
    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    ResponseEntity<Object> concurrentChange(RuntimeException conflict) {
        log.info("concurrent change refused: {}", conflict.getMessage());
        return problem(HttpStatus.CONFLICT, "conflict",
                "the record was changed by another request at the same time; reload and try again", List.of());
    }

    @ExceptionHandler(RequestTooLarge.class)
    ResponseEntity<Object> tooLarge(RequestTooLarge tooLarge) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "too-large", tooLarge.getMessage(), List.of());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException invalid,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = invalid.getBindingResult().getFieldErrors().stream()
                .map(e -> new FieldProblem(e.getField(), message(e)))
                .sorted(java.util.Comparator.comparing(FieldProblem::field))
                .toList();
        String detail = errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
        return problem(HttpStatus.BAD_REQUEST, "invalid-input", detail, errors);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException unreadable,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = unreadable.getCause();
        if (cause instanceof RequestTooLarge tooLarge) {
            return tooLarge(tooLarge);
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            return problem(HttpStatus.BAD_REQUEST, "invalid-input", "unknown field " + field,
                    List.of(new FieldProblem(field, "unknown field")));
        }
        if (cause instanceof InvalidFormatException format) {
            String field = path(format);
            String message = format.getTargetType() != null && format.getTargetType().isEnum()
                    ? "must be one of " + Arrays.toString(format.getTargetType().getEnumConstants())
                    : "cannot be read as " + (format.getTargetType() == null ? "the expected type" : format.getTargetType().getSimpleName());
            return problem(HttpStatus.BAD_REQUEST, "invalid-input", field + ": " + message, List.of(new FieldProblem(field, message)));
        }
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = path(mismatch);
            return problem(HttpStatus.BAD_REQUEST, "invalid-input", field + ": wrong type or value",
                    List.of(new FieldProblem(field, "wrong type or value")));
        }
        String detail = cause instanceof JsonProcessingException json
                ? "malformed JSON: " + json.getOriginalMessage()
                : "the request body is missing or is not JSON";
        return problem(HttpStatus.BAD_REQUEST, "malformed-request", detail, List.of());
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> answer = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (answer != null) {
            ProblemType.fillIn(answer.getBody(), answer.getStatusCode());
        }
        return answer == null ? null : ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(answer.getBody());
    }

    static ResponseEntity<Object> problem(HttpStatus status, String type, String detail, List<FieldProblem> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ProblemType.named(type));
        problem.setTitle(status.getReasonPhrase());
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /**
     * A problem with other members than {@code errors} of {field, message}: the spreadsheet import's
     * {sheet, row, column, message} problems, for instance.
     */
    public static ResponseEntity<Object> problem(HttpStatus status, String type, String detail, Map<String, Object> properties) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ProblemType.named(type));
        problem.setTitle(status.getReasonPhrase());
        properties.forEach(problem::setProperty);
        return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static String message(FieldError error) {
        return error.getDefaultMessage() == null ? "invalid" : error.getDefaultMessage();
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            } else {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

}
