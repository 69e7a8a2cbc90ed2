package org.opcat.followup.command.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.opcat.followup.command.refusal.CommandRefused;
import org.opcat.followup.command.refusal.InvalidInput;
import org.opcat.followup.command.refusal.Problem;
import org.opcat.followup.command.refusal.ProblemFieldError;
import org.opcat.followup.command.refusal.Violations;
import org.opcat.followup.command.refusal.UnknownId;
import jakarta.validation.ConstraintViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
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
import org.opcat.followup.api.ProblemCode;
import org.opcat.followup.api.ProblemMessages;
import org.opcat.followup.api.ProblemType;

/**
 * Every refusal as {@code application/problem+json} (RFC 9457): 400 malformed or invalid input,
 * 404 unknown ids, 409 rule violations, repeats with other content, stale versions and concurrent
 * appends. Bad input
 * must never surface as 500.
 */
@RestControllerAdvice
public class ProblemAnswers extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAnswers.class);

    /**
     * One field problem: its field, stable code and the code's arguments (docs/problems.md), and its
     * text in the request's language.
     */
    record FieldProblem(String field, String code, @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Object> args,
            String message) {

        static FieldProblem of(Problem problem) {
            return new FieldProblem(problem.field(), problem.code().code(), problem.args(),
                    problem.message(LocaleContextHolder.getLocale()));
        }
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
            type = ProblemType.NOT_FOUND;
        } else {
            status = HttpStatus.CONFLICT;
            type = "rule-violated";
        }
        List<FieldProblem> errors = refusal.problems().stream().filter(p -> p.field() != null).map(FieldProblem::of).toList();
        return problem(status, type, refusal.problem(), refusal.detail(LocaleContextHolder.getLocale()), errors);
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
        return problem(HttpStatus.NOT_FOUND, ProblemType.NOT_FOUND,
                Problem.of(null, ProblemCode.UNKNOWN_RECORD, "id", notFound.getAggregateIdentifier()), List.of());
    }

    /**
     * Another writer appended to the same record first (the store's unique sequence key): another
     * command-service instance, while the request had {@code If-Match} or its retries ran out.
     */
    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    ResponseEntity<Object> concurrentChange(RuntimeException conflict) {
        log.info("concurrent change refused: {}", conflict.getMessage());
        return problem(HttpStatus.CONFLICT, "conflict", Problem.of(null, ProblemCode.CONCURRENT_CHANGE), List.of());
    }

    @ExceptionHandler(RequestTooLarge.class)
    ResponseEntity<Object> tooLarge(RequestTooLarge tooLarge) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "too-large",
                Problem.of(null, ProblemCode.TOO_LARGE, "limit", tooLarge.limit()), List.of());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException invalid,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // Bean Validation's problems and the rules' (RequestRules) together: every problem at once.
        List<Problem> problems = invalid.getBindingResult().getFieldErrors().stream()
                .map(ProblemAnswers::problemOf)
                .sorted(java.util.Comparator.comparing(Problem::field))
                .toList();
        InvalidInput all = new InvalidInput(problems);
        return problem(HttpStatus.BAD_REQUEST, "invalid-input", all.problem(), all.detail(LocaleContextHolder.getLocale()),
                problems.stream().map(FieldProblem::of).toList());
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
            Problem problem = Problem.of(field, ProblemCode.UNKNOWN_FIELD, "field", field);
            return problem(HttpStatus.BAD_REQUEST, "invalid-input", problem,
                    ProblemMessages.message("unknown-field.detail", problem.args(), LocaleContextHolder.getLocale()),
                    List.of(FieldProblem.of(problem)));
        }
        if (cause instanceof InvalidFormatException format) {
            String field = path(format);
            Problem problem = format.getTargetType() != null && format.getTargetType().isEnum()
                    ? Problem.of(field, ProblemCode.NOT_ONE_OF, "allowed", List.of(format.getTargetType().getEnumConstants()))
                    : Problem.of(field, ProblemCode.WRONG_TYPE,
                            "type", format.getTargetType() == null ? "the expected type" : format.getTargetType().getSimpleName());
            return fieldProblem(problem);
        }
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return fieldProblem(Problem.of(path(mismatch), ProblemCode.WRONG_TYPE_OR_VALUE));
        }
        Problem problem = cause instanceof JsonProcessingException json
                ? Problem.of(null, ProblemCode.MALFORMED_JSON, "reason", json.getOriginalMessage())
                : Problem.of(null, ProblemCode.BODY_MISSING);
        return problem(HttpStatus.BAD_REQUEST, "malformed-request", problem, List.of());
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

    private static ResponseEntity<Object> fieldProblem(Problem problem) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-input", problem, List.of(FieldProblem.of(problem)));
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String type, Problem what, List<FieldProblem> errors) {
        return problem(status, type, what, Problem.detail(List.of(what), LocaleContextHolder.getLocale()), errors);
    }

    /** @param what the problem as a whole: its code and arguments join the answer beside its detail */
    static ResponseEntity<Object> problem(HttpStatus status, String type, Problem what, String detail, List<FieldProblem> errors) {
        ProblemDetail problem = ProblemType.problem(status, type, status.getReasonPhrase(), detail);
        problem.setProperty("code", what.code().code());
        problem.setProperty("args", what.args());
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /**
     * A problem with other members than {@code errors} of {field, code, args, message}: the spreadsheet import's
     * {sheet, row, column, message} problems, for instance.
     */
    public static ResponseEntity<Object> problem(HttpStatus status, String type, String detail, Map<String, Object> properties) {
        ProblemDetail problem = ProblemType.problem(status, type, status.getReasonPhrase(), detail);
        properties.forEach(problem::setProperty);
        return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** A rule's problem as it was found, a Bean Validation one by its constraint. */
    private static Problem problemOf(FieldError error) {
        if (error instanceof ProblemFieldError rule) {
            return rule.problem();
        }
        if (error.contains(ConstraintViolation.class)) {
            return Violations.problem(error.getField(), error.unwrap(ConstraintViolation.class));
        }
        return Problem.of(error.getField(), ProblemCode.INVALID);
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
