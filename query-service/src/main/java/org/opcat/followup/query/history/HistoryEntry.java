package org.opcat.followup.query.history;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * One event of a recommendation as GET /api/recommendations/{id}/history shows it. {@code summary}
 * is English; {@code details} holds the same facts as fields ({@link HistoryLine}), null for a line
 * written before the service kept them and not replayed since.
 */
public record HistoryEntry(long version, String type, LocalDate businessDate, Instant recordedAt, String recordedBy,
        String summary, Map<String, Object> details) {
}
