package org.opcat.followup.command.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.opcat.followup.command.refusal.Problem;
import org.opcat.followup.api.ProblemCode;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps request bodies (default 1 MiB; the largest field is far smaller) so a huge body is refused
 * with 413 instead of being buffered. Bodies without a Content-Length are counted as they are read.
 * Spreadsheet uploads (/api/imports) have their own, larger limit (default 10 MiB), and so do
 * documents (/api/recommendations/{id}/documents: the file's limit, default 25 MiB, and
 * {@code UploadLimits.FORM_ENVELOPE} for the form's other fields).
 */
@Component
class RequestSizeLimit extends OncePerRequestFilter {

    private static final String IMPORTS = "/api/imports";
    private static final java.util.regex.Pattern DOCUMENTS = java.util.regex.Pattern.compile("/api/recommendations/[^/]+/documents/?");

    private final long defaultLimit;
    private final long importLimit;
    private final long documentLimit;
    private final com.fasterxml.jackson.databind.ObjectMapper json;

    RequestSizeLimit(@Value("${followup.max-request-bytes:1048576}") long limit,
            @Value("${followup.import.max-request-bytes:10485760}") long importLimit,
            @Value("${followup.document.max-bytes:26214400}") long documentLimit,
            com.fasterxml.jackson.databind.ObjectMapper json) {
        this.defaultLimit = limit;
        this.importLimit = importLimit;
        this.documentLimit = documentLimit + org.opcat.followup.command.document.UploadLimits.FORM_ENVELOPE;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        long limit = path.equals(IMPORTS) || path.startsWith(IMPORTS + "/") ? importLimit
                : DOCUMENTS.matcher(path).matches() ? documentLimit : defaultLimit;
        if (request.getContentLengthLong() > limit) {
            RequestTooLarge tooLarge = new RequestTooLarge(limit);
            response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
            response.setContentType("application/problem+json");
            // The client is still sending; tell the container not to wait for the rest.
            response.setHeader("Connection", "close");
            json.writeValue(response.getOutputStream(), ProblemAnswers.problem(HttpStatus.PAYLOAD_TOO_LARGE, "too-large",
                    Problem.of(null, ProblemCode.TOO_LARGE, "limit", limit), tooLarge.getMessage(), List.of()).getBody());
            return;
        }
        chain.doFilter(new Counted(request, limit), response);
    }

    private static final class Counted extends HttpServletRequestWrapper {
        private final long limit;

        Counted(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    if (b >= 0) {
                        count(1);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = in.read(buffer, offset, length);
                    if (n > 0) {
                        count(n);
                    }
                    return n;
                }

                private void count(int n) throws IOException {
                    read += n;
                    if (read > limit) {
                        throw new RequestTooLarge(limit);
                    }
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
    }
}
