package org.opcat.followup.eventstore.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Content in table {@code documents.content} (Flyway, db/eventstore), one row per SHA-256, bytes
 * in a {@code bytea} kept uncompressed out of line. In: the driver sends a stream of known length
 * as it reads it. Out: {@link #SLICE} bytes per query, with {@code substring}, which reads only
 * that slice of an uncompressed value; so neither way holds the whole file in the heap.
 */
public class PostgresDocumentContents implements DocumentContents {

    /** Bytes read per query on the way out. */
    public static final int SLICE = 1 << 20;

    private final JdbcTemplate jdbc;

    public PostgresDocumentContents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public State store(String sha256, long size, String mediaType, Bytes bytes, String text) throws IOException {
        State before = state(sha256);
        if (before != State.ABSENT) {
            return before;
        }
        try {
            jdbc.update(connection -> {
                var insert = connection.prepareStatement("INSERT INTO documents.content (sha256, size, media_type, bytes, text) "
                        + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING");
                insert.setString(1, sha256);
                insert.setLong(2, size);
                insert.setString(3, mediaType);
                try {
                    InputStream in = bytes.open();
                    insert.setBinaryStream(4, in, size);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                insert.setString(5, text);
                return insert;
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return State.ABSENT;
    }

    @Override
    public State state(String sha256) {
        List<Boolean> stored = jdbc.queryForList("SELECT bytes IS NOT NULL FROM documents.content WHERE sha256 = ?",
                Boolean.class, sha256);
        if (stored.isEmpty()) {
            return State.ABSENT;
        }
        return stored.get(0) ? State.STORED : State.PURGED;
    }

    @Override
    public Optional<String> text(String sha256) {
        return jdbc.queryForList("SELECT text FROM documents.content WHERE sha256 = ? AND text IS NOT NULL", String.class, sha256)
                .stream().findFirst();
    }

    @Override
    public boolean writeTo(String sha256, OutputStream out) throws IOException {
        List<Long> sizes = jdbc.queryForList("SELECT size FROM documents.content WHERE sha256 = ? AND bytes IS NOT NULL",
                Long.class, sha256);
        if (sizes.isEmpty()) {
            return false;
        }
        long size = sizes.get(0);
        for (long from = 0; from < size; from += SLICE) {
            // substring counts from 1.
            byte[] slice = jdbc.queryForObject("SELECT substring(bytes FROM ? FOR ?) FROM documents.content "
                    + "WHERE sha256 = ? AND bytes IS NOT NULL", byte[].class, (int) from + 1, SLICE, sha256);
            if (slice == null) {
                // Purged while it was being read: the answer stops short, as a broken download does.
                throw new IOException("content " + sha256 + " was erased while it was being read");
            }
            out.write(slice);
        }
        return true;
    }

    @Override
    public boolean purge(String sha256, String purgedBy, String reason) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT documents.purge(?, ?, ?)", Boolean.class, sha256, purgedBy, reason));
    }
}
