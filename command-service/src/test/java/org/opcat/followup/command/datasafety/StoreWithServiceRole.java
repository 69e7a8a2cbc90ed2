package org.opcat.followup.command.datasafety;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.opcat.followup.testsupport.TestPostgres;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A fresh event store migrated by its owner, as in production when the services connect as a role
 * of their own (placeholder app_role): {@code owner} and {@code service} connect as either.
 */
record StoreWithServiceRole(JdbcTemplate owner, JdbcTemplate service) {

    static StoreWithServiceRole migrate() {
        String database = TestPostgres.newDatabase();
        JdbcTemplate owner = new JdbcTemplate(TestPostgres.dataSource(database));
        owner.execute("DO $$ BEGIN CREATE ROLE followup_app LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
        Flyway.configure().dataSource(TestPostgres.dataSource(database)).schemas("events").defaultSchema("events")
                .locations("classpath:db/eventstore", "classpath:db/command", "classpath:db/security")
                .placeholders(Map.of("app_role", "followup_app")).load().migrate();
        return new StoreWithServiceRole(owner, new JdbcTemplate(TestPostgres.dataSource(database, "followup_app")));
    }

    /** An event stamped now, as the services stamp theirs. */
    static void insertEvent(JdbcTemplate as, String aggregate, long sequence) {
        insertEvent(as, aggregate, sequence, Instant.now().toString());
    }

    static void insertEvent(JdbcTemplate as, String aggregate, long sequence, String timeStamp) {
        as.update("INSERT INTO events.domain_event_entry (aggregateIdentifier, sequenceNumber, type, eventIdentifier, "
                        + "metaData, payload, payloadType, timeStamp) VALUES (?, ?, 'Recommendation', ?, ?, ?, 'x.Y', ?)",
                aggregate, sequence, UUID.randomUUID().toString(), "{}".getBytes(), "{\"a\":1}".getBytes(),
                timeStamp);
    }
}
