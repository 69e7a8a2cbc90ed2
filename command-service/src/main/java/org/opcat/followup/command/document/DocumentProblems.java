package org.opcat.followup.command.document;

import java.util.Map;
import org.opcat.followup.command.http.ProblemAnswers;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** An upload refused for its bytes, as every refusal: problem+json with code and args. */
@RestControllerAdvice(assignableTypes = DocumentController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DocumentProblems {

    @ExceptionHandler(DocumentRefused.class)
    ResponseEntity<Object> refused(DocumentRefused refusal) {
        var problem = refusal.problem();
        return ProblemAnswers.problem(refusal.status(), refusal.type(), problem.message(LocaleContextHolder.getLocale()),
                Map.of("code", problem.code().code(), "args", problem.args()));
    }
}
