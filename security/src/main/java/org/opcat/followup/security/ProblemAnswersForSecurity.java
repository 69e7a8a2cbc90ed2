package org.opcat.followup.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.opcat.followup.api.ProblemType;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 in the same problem+json shape as every other refusal. */
class ProblemAnswersForSecurity implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ObjectMapper json = new ObjectMapper();
    private final String challenge;

    ProblemAnswersForSecurity(String challenge) {
        this.challenge = challenge;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException refused)
            throws IOException {
        response.setHeader("WWW-Authenticate", challenge);
        write(response, HttpStatus.UNAUTHORIZED, "unauthenticated",
                "sign in: this path needs an authenticated user (a wrong, disabled or locked account is refused alike)");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        write(response, HttpStatus.FORBIDDEN, "forbidden", "your roles do not allow this");
    }

    private void write(HttpServletResponse response, HttpStatus status, String type, String detail) throws IOException {
        ProblemDetail problem = ProblemType.problem(status, type, status.getReasonPhrase(), detail);
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        json.writeValue(response.getOutputStream(), problem);
    }
}
