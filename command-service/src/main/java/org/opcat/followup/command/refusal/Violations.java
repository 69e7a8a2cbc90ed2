package org.opcat.followup.command.refusal;

import jakarta.validation.ConstraintViolation;
import java.util.Map;
import org.opcat.followup.api.ProblemCode;
import org.opcat.followup.api.ProblemMessages;

/** A Bean Validation violation as a coded problem: the constraint names the code, its attributes the arguments. */
public final class Violations {

    private Violations() {
    }

    public static Problem problem(String field, ConstraintViolation<?> violation) {
        Map<String, Object> attributes = violation.getConstraintDescriptor().getAttributes();
        String template = violation.getMessageTemplate();
        if (!template.startsWith("{")) {
            // A message of our own on the annotation, worded as the code whose English text it is.
            for (ProblemCode code : ProblemCode.values()) {
                if (!code.sentence() && template.equals(ProblemMessages.english(code, Map.of()))) {
                    return Problem.of(field, code);
                }
            }
        }
        return switch (violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName()) {
            case "NotBlank" -> Problem.of(field, ProblemCode.NOT_BLANK);
            case "NotNull" -> Problem.of(field, ProblemCode.NOT_NULL);
            case "NotEmpty" -> Problem.of(field, ProblemCode.NOT_EMPTY);
            case "Size" -> Problem.of(field, ProblemCode.SIZE, "min", attributes.get("min"), "max", attributes.get("max"));
            case "Pattern" -> Problem.of(field, ProblemCode.PATTERN, "regexp", attributes.get("regexp"));
            default -> Problem.of(field, ProblemCode.INVALID);
        };
    }
}
