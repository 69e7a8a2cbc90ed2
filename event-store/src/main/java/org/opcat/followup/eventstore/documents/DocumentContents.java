package org.opcat.followup.eventstore.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

/**
 * Where documents' bytes live (SPEC §7.1): once per SHA-256, insert-only, streamed in and out so
 * that a large file never sits whole in memory. PostgreSQL ({@link PostgresDocumentContents}) is
 * the default and needs no setup; an S3-compatible object store may implement it instead, chosen
 * by {@code followup.documents.store}. The events say which document holds which content; this
 * only keeps content.
 */
public interface DocumentContents {

    /** What the store holds for one hash. */
    enum State { ABSENT, STORED, PURGED }

    /** Opens the bytes anew for each read: a store may need to read them more than once. */
    @FunctionalInterface
    interface Bytes {
        InputStream open() throws IOException;
    }

    /**
     * Stores the content unless the same hash is already there (the same bytes attached twice are
     * stored once). Runs in the caller's transaction when there is one: a refused command leaves
     * nothing behind.
     *
     * @param text the words extracted from it, or null when none could be
     * @return what was there before: ABSENT (stored now), STORED (kept once) or PURGED (nothing stored)
     */
    State store(String sha256, long size, String mediaType, Bytes bytes, String text) throws IOException;

    State state(String sha256);

    /** The extracted words, if the content is stored and had any. */
    Optional<String> text(String sha256);

    /**
     * Writes the bytes to {@code out}, a slice at a time.
     *
     * @return false when there are none (never stored, or purged)
     */
    boolean writeTo(String sha256, OutputStream out) throws IOException;

    /**
     * Erases the bytes and words of one content, recording who and why: the one deletion.
     *
     * @return false when they were already erased or never stored
     */
    boolean purge(String sha256, String purgedBy, String reason);
}
