package org.opcat.followup.query.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opcat.followup.query.freshness.ReadYourWrites;
import org.opcat.followup.query.http.UnknownResource;
import org.opcat.followup.api.ProblemCode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** GET /api/recommendations/{id}/history: every event in recording order, oldest first. */
@RestController
public class HistoryController {

    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() { };

    private final JdbcTemplate jdbc;
    private final ReadYourWrites readYourWrites;
    private final ObjectMapper json;

    public HistoryController(JdbcTemplate jdbc, ReadYourWrites readYourWrites, ObjectMapper json) {
        this.jdbc = jdbc;
        this.readYourWrites = readYourWrites;
        this.json = json;
    }

    @Operation(summary = "History of a recommendation",
            description = "ANALYST, MANAGER or ADMIN. Every event of the recommendation in order, with who recorded "
            + "it and when. minVersion waits until the read models have that version (at most "
            + "FOLLOWUP_MAX_WAIT, then 504 read-model-behind).")
    @GetMapping("/api/recommendations/{id}/history")
    public List<HistoryEntry> history(@PathVariable UUID id, @RequestParam(required = false) Long minVersion) {
        readYourWrites.awaitIfAsked(id, minVersion);
        List<HistoryEntry> entries = jdbc.query("""
                SELECT * FROM recommendation_history WHERE recommendation_id = ? ORDER BY sequence_number
                """, (rs, n) -> new HistoryEntry(rs.getLong("sequence_number"), rs.getString("event_type"),
                        rs.getObject("business_date", LocalDate.class),
                        rs.getObject("recorded_at", OffsetDateTime.class).toInstant(), rs.getString("recorded_by"),
                        rs.getString("summary"), details(rs.getString("details"))), id);
        if (entries.isEmpty()) {
            throw new UnknownResource(ProblemCode.UNKNOWN_RECOMMENDATION, id);
        }
        return entries;
    }

    private Map<String, Object> details(String stored) {
        if (stored == null) {
            return null;
        }
        try {
            return json.readValue(stored, FIELDS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable history details " + stored, e);
        }
    }
}
