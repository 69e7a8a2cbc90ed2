package org.opcat.followup.eventstore;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Recomputes every event's hash from its content and its predecessor's stored hash (see migration
 * V2026_11_26_04) and names the first event, in global order, where the chain does not hold: its content was
 * changed, or the event before it in its aggregate is missing.
 */
public class EventChain {

    /** The outcome of one verification: how many events were checked, and the first broken link if any. */
    public record Verification(long checked, BrokenLink firstBrokenLink) {
        public boolean intact() {
            return firstBrokenLink == null;
        }
    }

    public record BrokenLink(long globalIndex, String aggregateIdentifier, long sequenceNumber, String reason) {
    }

    private static final String CHAIN = """
            SELECT globalIndex, aggregateIdentifier, sequenceNumber,
                   hash IS DISTINCT FROM events.event_hash(lag(hash) OVER w, aggregateIdentifier, sequenceNumber, type,
                       eventIdentifier, payloadType, payloadRevision, timeStamp, metaData, payload) AS altered,
                   sequenceNumber <> coalesce(lag(sequenceNumber) OVER w + 1, 0) AS gap
              FROM events.domain_event_entry
            WINDOW w AS (PARTITION BY aggregateIdentifier ORDER BY sequenceNumber)
            """;

    private final JdbcTemplate jdbc;

    public EventChain(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Verification verify() {
        long checked = jdbc.queryForObject("SELECT count(*) FROM events.domain_event_entry", Long.class);
        List<BrokenLink> broken = jdbc.query("SELECT * FROM (" + CHAIN + ") chain WHERE altered OR gap "
                + "ORDER BY globalIndex LIMIT 1", (rs, n) -> new BrokenLink(rs.getLong("globalIndex"),
                rs.getString("aggregateIdentifier"), rs.getLong("sequenceNumber"),
                rs.getBoolean("gap") ? "the event before it in its aggregate is missing"
                        : "its content or its predecessor's hash no longer matches its hash"));
        return new Verification(checked, broken.isEmpty() ? null : broken.get(0));
    }
}
