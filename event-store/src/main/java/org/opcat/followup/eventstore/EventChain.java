package org.opcat.followup.eventstore;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Recomputes every event's hash from its content and its predecessor's stored hash (see migration
 * V2026_11_26_04) and names the first event, in global order, where the chain does not hold: its content was
 * changed, or the event before it in its aggregate is missing.
 *
 * <p>The chain alone cannot catch someone who may rewrite the table (a superuser): altering an event
 * and recomputing every hash after it leaves a chain that holds. So each verification also answers
 * a digest of the whole store up to a global index: SHA-256 over every aggregate's last link at or
 * below that index (identifier, sequence, global index, hash), in identifier order. Each last hash
 * seals its aggregate's whole history, so changing, removing or inserting any event at or below
 * the index changes the digest, whatever hashes were recomputed. Kept outside the database, it is
 * compared later with {@link #digest(long)} at the same index: events appended since do not change it.
 */
public class EventChain {

    /**
     * The outcome of one verification: how many events were checked, the first broken link if any,
     * and the store's digest up to the last global index there was.
     */
    public record Verification(long checked, BrokenLink firstBrokenLink, StoreDigest storeDigest) {
        public boolean intact() {
            return firstBrokenLink == null;
        }
    }

    public record BrokenLink(long globalIndex, String aggregateIdentifier, long sequenceNumber, String reason) {
    }

    /** The digest of every event up to {@code globalIndex} (hex SHA-256), to keep outside the database. */
    public record StoreDigest(long globalIndex, String sha256) {
    }

    private static final String CHAIN = """
            SELECT globalIndex, aggregateIdentifier, sequenceNumber,
                   hash IS DISTINCT FROM events.event_hash(lag(hash) OVER w, aggregateIdentifier, sequenceNumber, type,
                       eventIdentifier, payloadType, payloadRevision, timeStamp, metaData, payload) AS altered,
                   sequenceNumber <> coalesce(lag(sequenceNumber) OVER w + 1, 0) AS gap
              FROM events.domain_event_entry
            WINDOW w AS (PARTITION BY aggregateIdentifier ORDER BY sequenceNumber)
            """;

    // Each field is written with its length, so no two different stores can join into the same bytes.
    private static final String DIGEST = """
            SELECT encode(sha256(coalesce(string_agg(
                       convert_to(length(aggregateIdentifier) || ':' || aggregateIdentifier || ':' || sequenceNumber
                                  || ':' || globalIndex || ':', 'UTF8') || hash,
                       '\\x'::bytea ORDER BY aggregateIdentifier), '\\x'::bytea)), 'hex')
              FROM (SELECT DISTINCT ON (aggregateIdentifier) aggregateIdentifier, sequenceNumber, globalIndex, hash
                      FROM events.domain_event_entry
                     WHERE globalIndex BETWEEN 0 AND ?
                     ORDER BY aggregateIdentifier, sequenceNumber DESC) last_link
            """;

    private final JdbcTemplate jdbc;

    public EventChain(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Verification verify() {
        long last = lastGlobalIndex();
        long checked = jdbc.queryForObject("SELECT count(*) FROM events.domain_event_entry", Long.class);
        List<BrokenLink> broken = jdbc.query("SELECT * FROM (" + CHAIN + ") chain WHERE altered OR gap "
                + "ORDER BY globalIndex LIMIT 1", (rs, n) -> new BrokenLink(rs.getLong("globalIndex"),
                rs.getString("aggregateIdentifier"), rs.getLong("sequenceNumber"),
                rs.getBoolean("gap") ? "the event before it in its aggregate is missing"
                        : "its content or its predecessor's hash no longer matches its hash"));
        return new Verification(checked, broken.isEmpty() ? null : broken.get(0), digest(last));
    }

    /** The highest global index stored (0 for an empty store). */
    public long lastGlobalIndex() {
        return jdbc.queryForObject("SELECT coalesce(max(globalIndex), 0) FROM events.domain_event_entry", Long.class);
    }

    /** The store's digest up to {@code globalIndex}: equal to one kept earlier at that index unless history changed. */
    public StoreDigest digest(long globalIndex) {
        return new StoreDigest(globalIndex, jdbc.queryForObject(DIGEST, String.class, globalIndex));
    }
}
