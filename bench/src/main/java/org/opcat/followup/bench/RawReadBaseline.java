package org.opcat.followup.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import org.opcat.followup.events.EventSerialization;

/**
 * The replay baseline: read every event in global order, as a processor reads them (keyset pages
 * by global index), and deserialize payload and metadata with the event store's Jackson mapper
 * into the shared event records. One thread: what a single reader can feed, with nothing written.
 */
final class RawReadBaseline {

    record Result(long events, double seconds, double perSecond) {
    }

    private final BenchDatabase db;

    RawReadBaseline(BenchDatabase db) {
        this.db = db;
    }

    Result selectAndDeserialize(int page) throws Exception {
        ObjectMapper json = EventSerialization.objectMapper();
        Map<String, Class<?>> classes = new HashMap<>();
        long events = 0;
        long checksum = 0;
        long start = System.nanoTime();
        try (Connection c = db.connect(); PreparedStatement select = c.prepareStatement("""
                SELECT globalIndex, payloadType, payload, metaData FROM events.domain_event_entry
                WHERE globalIndex > ? ORDER BY globalIndex LIMIT ?
                """)) {
            long after = -1;
            while (true) {
                select.setLong(1, after);
                select.setInt(2, page);
                int read = 0;
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        after = rows.getLong(1);
                        String type = rows.getString(2);
                        Class<?> payloadClass = classes.computeIfAbsent(type, t -> {
                            try {
                                return Class.forName(t);
                            } catch (ClassNotFoundException e) {
                                throw new IllegalStateException(e);
                            }
                        });
                        Object payload = json.readValue(rows.getBytes(3), payloadClass);
                        Map<?, ?> metaData = json.readValue(rows.getBytes(4), Map.class);
                        checksum += payload.hashCode() + metaData.size(); // keeps the JIT from dropping the work
                        read++;
                    }
                }
                events += read;
                if (read < page) {
                    break;
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (checksum == 42) {
            System.out.println("(checksum)");
        }
        return new Result(events, seconds, events / seconds);
    }
}
