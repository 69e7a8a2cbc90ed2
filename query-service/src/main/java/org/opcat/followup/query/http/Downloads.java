package org.opcat.followup.query.http;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.Semaphore;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Annual reports and exports, the answers that read for seconds and run to megabytes. Each is
 * made into a temporary file while its transaction is open and sent only once that is closed: a
 * reader on a slow line then holds a request thread and a file, never one of the
 * {@code DB_POOL_SIZE} connections that every query and the projections share. And at most
 * {@code followup.report.max-concurrent} are being made at once (below the pool size, so that
 * queries and projections always find a connection); one more is refused with {@link Busy} (429)
 * rather than queued, since a queue would hold its request threads and keep its clients waiting
 * without telling them why.
 *
 * <p>The files are only readable by the service's user and deleted once sent or abandoned.
 */
@Component
public class Downloads {

    /** What a client is told to wait before asking again when every permit is taken. */
    static final int RETRY_AFTER_SECONDS = 5;

    private final Semaphore making;
    private final int maxConcurrent;

    public Downloads(@Value("${followup.report.max-concurrent:4}") int maxConcurrent, DataSource dataSource)
            throws SQLException {
        int poolSize = dataSource.isWrapperFor(HikariDataSource.class)
                ? dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize() : Integer.MAX_VALUE;
        if (maxConcurrent < 1 || maxConcurrent >= poolSize) {
            throw new IllegalStateException("followup.report.max-concurrent (FOLLOWUP_REPORT_MAX_CONCURRENT) is "
                    + maxConcurrent + ": it must be at least 1 and below the connection pool's " + poolSize
                    + " (DB_POOL_SIZE), or reports could take every connection");
        }
        this.maxConcurrent = maxConcurrent;
        this.making = new Semaphore(maxConcurrent);
    }

    /** Writes a document to a stream; reads what it needs (and so holds its connection) meanwhile. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Makes a document into a temporary file, holding one of the permits meanwhile. The caller sends
     * it and closes it (which deletes it). Throws {@link Busy} at once when no permit is free; an
     * exception of {@code content} leaves no file behind.
     */
    public Spooled make(String suffix, Content content) {
        if (!making.tryAcquire()) {
            throw new Busy(maxConcurrent);
        }
        Path file = null;
        try {
            file = Files.createTempFile("followup-", suffix);
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024)) {
                content.writeTo(out);
            }
            Spooled made = new Spooled(file);
            file = null;
            return made;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            making.release();
            if (file != null) {
                deleteQuietly(file);
            }
        }
    }

    /** A document made and not yet sent. */
    public static final class Spooled implements AutoCloseable {

        private final Path file;

        private Spooled(Path file) {
            this.file = file;
        }

        public long size() throws IOException {
            return Files.size(file);
        }

        /** The body, with its length; the status and content headers are the caller's. */
        public void sendTo(HttpServletResponse response) throws IOException {
            response.setContentLengthLong(size());
            OutputStream out = response.getOutputStream();
            Files.copy(file, out);
            out.flush();
        }

        @Override
        public void close() {
            deleteQuietly(file);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // The JVM's temporary directory: left for the system to clear, as it clears the rest.
        }
    }

    /** Every permit is taken: 429 with Retry-After. */
    public static class Busy extends RuntimeException {
        Busy(int maxConcurrent) {
            super("the service is already making " + maxConcurrent + " reports or exports, as many as it makes at"
                    + " once: ask again in a few seconds");
        }

        public int retryAfterSeconds() {
            return RETRY_AFTER_SECONDS;
        }
    }
}
