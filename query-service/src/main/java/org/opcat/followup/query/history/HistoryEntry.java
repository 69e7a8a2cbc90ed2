package org.opcat.followup.query.history;

import java.time.Instant;
import java.time.LocalDate;

/** One event of a recommendation as GET /api/recommendations/{id}/history shows it. */
public record HistoryEntry(long version, String type, LocalDate businessDate, Instant recordedAt, String recordedBy,
        String summary) {
}
