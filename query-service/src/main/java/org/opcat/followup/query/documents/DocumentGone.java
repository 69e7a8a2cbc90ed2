package org.opcat.followup.query.documents;

import java.util.Map;
import java.util.UUID;
import org.opcat.followup.api.ProblemCode;
import org.opcat.followup.api.ProblemMessages;
import org.opcat.followup.api.ProblemType;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A purged document's content: 410, the document's record stays (list, history). */
class DocumentGone extends RuntimeException {

    private final UUID documentId;

    DocumentGone(UUID documentId) {
        super("document " + documentId + " was purged", null, false, false);
        this.documentId = documentId;
    }

    @RestControllerAdvice(assignableTypes = DocumentsController.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class Answer {

        @ExceptionHandler(DocumentGone.class)
        ResponseEntity<ProblemDetail> gone(DocumentGone gone) {
            Map<String, Object> args = Map.of("id", gone.documentId.toString());
            ProblemDetail problem = ProblemType.problem(HttpStatus.GONE, "gone", "Gone",
                    ProblemMessages.message(ProblemCode.DOCUMENT_PURGED, args, LocaleContextHolder.getLocale()));
            problem.setProperty("code", ProblemCode.DOCUMENT_PURGED.code());
            problem.setProperty("args", args);
            return ResponseEntity.status(HttpStatus.GONE).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
    }
}
