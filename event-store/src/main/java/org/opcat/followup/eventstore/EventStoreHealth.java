package org.opcat.followup.eventstore;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code /actuator/health/eventStore}: the event table answers, and how far it goes. One index
 * lookup on the primary key, cheap enough for a readiness probe.
 */
public class EventStoreHealth extends AbstractHealthIndicator {

    private final JdbcTemplate jdbc;

    public EventStoreHealth(JdbcTemplate jdbc) {
        super("event store unreachable");
        this.jdbc = jdbc;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        Long last = jdbc.queryForObject("SELECT max(globalIndex) FROM " + EventStoreConfiguration.EVENT_TABLE, Long.class);
        health.up().withDetail("lastGlobalIndex", last == null ? 0 : last);
    }
}
