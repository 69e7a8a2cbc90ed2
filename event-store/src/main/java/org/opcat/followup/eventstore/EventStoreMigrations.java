package org.opcat.followup.eventstore;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Where the event store's DDL lives. command-service owns schema {@code events} and applies these
 * through its Flyway; the query side only reads it. Tests of the query side that run without a
 * command-service call {@link #migrate} themselves.
 */
public final class EventStoreMigrations {

    public static final String SCHEMA = "events";
    public static final String LOCATION = "classpath:db/eventstore";
    /** The database role the services connect as, granted SELECT and INSERT only; empty: none. */
    public static final String APP_ROLE_PLACEHOLDER = "app_role";

    private EventStoreMigrations() {
    }

    public static void migrate(DataSource dataSource, String... extraLocations) {
        String[] locations = new String[extraLocations.length + 1];
        locations[0] = LOCATION;
        System.arraycopy(extraLocations, 0, locations, 1, extraLocations.length);
        Flyway.configure().dataSource(dataSource).schemas(SCHEMA).defaultSchema(SCHEMA)
                .placeholders(java.util.Map.of(APP_ROLE_PLACEHOLDER, ""))
                .locations(locations).load().migrate();
    }
}
