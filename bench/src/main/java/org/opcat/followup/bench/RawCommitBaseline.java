package org.opcat.followup.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The append baseline: single-row INSERT + COMMIT into a table of the event table's shape (same
 * columns, primary key, unique constraints) with the same hash-chain trigger, as fast as
 * PostgreSQL takes them from 1 or n connections. The trigger is included because every real
 * append pays it; without it the baseline would measure a table the product cannot have. Rows
 * come four to an aggregate (sequence 0-3), so the trigger finds a predecessor as it does for
 * the mixed commands, and payloads have the average size of the events the commands stored.
 */
final class RawCommitBaseline {

    private final BenchDatabase db;

    RawCommitBaseline(BenchDatabase db) {
        this.db = db;
    }

    void createTable() throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS bench_raw CASCADE");
            s.execute("CREATE SCHEMA bench_raw");
            s.execute("""
                    CREATE TABLE bench_raw.event_row (
                        globalIndex         BIGSERIAL    NOT NULL PRIMARY KEY,
                        aggregateIdentifier VARCHAR(255) NOT NULL,
                        sequenceNumber      BIGINT       NOT NULL,
                        type                VARCHAR(255),
                        eventIdentifier     VARCHAR(255) NOT NULL UNIQUE,
                        metaData            BYTEA,
                        payload             BYTEA        NOT NULL,
                        payloadRevision     VARCHAR(255),
                        payloadType         VARCHAR(255) NOT NULL,
                        timeStamp           VARCHAR(255) NOT NULL,
                        hash                BYTEA        NOT NULL,
                        CONSTRAINT event_row_aggregate_sequence UNIQUE (aggregateIdentifier, sequenceNumber))
                    """);
            // The same chain as events.chain_event(), over this table.
            s.execute("""
                    CREATE FUNCTION bench_raw.chain_row() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        NEW.hash := events.event_hash(
                                (SELECT e.hash FROM bench_raw.event_row e
                                  WHERE e.aggregateIdentifier = NEW.aggregateIdentifier AND e.sequenceNumber = NEW.sequenceNumber - 1),
                                NEW.aggregateIdentifier, NEW.sequenceNumber, NEW.type, NEW.eventIdentifier, NEW.payloadType,
                                NEW.payloadRevision, NEW.timeStamp, NEW.metaData, NEW.payload);
                        RETURN NEW;
                    END $$
                    """);
            s.execute("CREATE TRIGGER event_row_chain BEFORE INSERT ON bench_raw.event_row "
                    + "FOR EACH ROW EXECUTE FUNCTION bench_raw.chain_row()");
        }
    }

    /** Rows per second committed one by one from {@code connections} connections, {@code rows} in all. */
    double commitsPerSecond(int connections, int rows, int payloadBytes, int metaDataBytes) throws Exception {
        byte[] payload = filler("{\"payload\":\"", payloadBytes);
        byte[] metaData = filler("{\"recordedBy\":\"analyst\",\"correlationId\":\"", metaDataBytes);
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        List<Future<?>> done = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < connections; t++) {
            done.add(pool.submit(() -> {
                try (Connection c = db.connect(); PreparedStatement insert = c.prepareStatement("""
                        INSERT INTO bench_raw.event_row (aggregateIdentifier, sequenceNumber, type, eventIdentifier, metaData,
                            payload, payloadRevision, payloadType, timeStamp) VALUES (?, ?, 'Recommendation', ?, ?, ?, NULL, ?, ?)
                        """)) {
                    c.setAutoCommit(true); // every INSERT its own COMMIT, as every command is its own transaction
                    String aggregate = null;
                    int mine = 0;
                    while (next.getAndIncrement() < rows) {
                        // Each worker writes whole aggregates of four rows, in sequence order.
                        int sequence = mine++ % 4;
                        if (sequence == 0) {
                            aggregate = UUID.randomUUID().toString();
                        }
                        insert.setString(1, aggregate);
                        insert.setLong(2, sequence);
                        insert.setString(3, UUID.randomUUID().toString());
                        insert.setBytes(4, metaData);
                        insert.setBytes(5, payload);
                        insert.setString(6, "org.opcat.followup.events.recommendation.Bench" + sequence);
                        insert.setString(7, Instant.now().toString());
                        insert.executeUpdate();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return rows / seconds;
    }

    private static byte[] filler(String prefix, int size) {
        StringBuilder text = new StringBuilder(prefix);
        String words = "确保被拘留者及时获得医疗服务 all detainees are examined by a doctor ";
        while (text.length() < size) {
            text.append(words);
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[Math.max(size, prefix.length() + 2)];
        System.arraycopy(bytes, 0, out, 0, out.length);
        return out;
    }
}
