package org.opcat.followup.api;

import java.net.URI;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The {@code type} of every problem answer (RFC 9457), one base for all services, so that a client
 * tells refusals apart by the last segment (invalid-input, not-found, rule-violated, forbidden...)
 * whichever service answered. The host is a reserved example domain: the types identify, they do
 * not resolve; docs/query-api.md and the OpenAPI description list them.
 */
public final class ProblemType {

    public static final String BASE = "https://opcat-followup.example/problems/";
    /**
     * An id (or a path) that names nothing, in both services: the same name Spring's own 404 gets
     * from {@link #fillIn}, so that a client has one type to check; {@code code} says what was unknown.
     */
    public static final String NOT_FOUND = "not-found";

    private ProblemType() {
    }

    public static URI named(String name) {
        return URI.create(BASE + name);
    }

    /** A problem answer of this base: every service's refusals are made here, so that they look alike. */
    public static ProblemDetail problem(HttpStatusCode status, String name, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(named(name));
        problem.setTitle(title);
        return problem;
    }

    /**
     * Spring's own refusals (unknown path, wrong method, an unreadable path variable, a
     * ResponseStatusException) carry type about:blank: they get the one of their status
     * (…/not-found, …/method-not-allowed), so that every problem has a type of this base.
     */
    public static void fillIn(Object body, HttpStatusCode status) {
        if (body instanceof ProblemDetail problem && URI.create("about:blank").equals(problem.getType())) {
            HttpStatus known = HttpStatus.resolve(status.value());
            problem.setType(named(known == null ? "status-" + status.value()
                    : known.getReasonPhrase().toLowerCase(Locale.ROOT).replace(' ', '-')));
        }
    }
}
