package org.opcat.followup.eventstore;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.opcat.followup.events.EventSerialization;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Axon's JDBC event store in schema {@code events}, with the event contract's own serializer for
 * events, messages and everything else (never XStream).
 */
@Configuration(proxyBeanMethods = false)
public class EventStoreConfiguration {

    public static final String EVENT_TABLE = EventStoreMigrations.SCHEMA + ".domain_event_entry";
    public static final String SNAPSHOT_TABLE = EventStoreMigrations.SCHEMA + ".snapshot_event_entry";

    @Bean
    public EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable(EVENT_TABLE)
                .snapshotTable(SNAPSHOT_TABLE)
                .build();
    }

    /** Schema evolution: older event shapes are read as the current ones, never rewritten in place. */
    @Bean
    public EventUpcaster issuedWithoutScopeUpcaster() {
        return new IssuedWithoutScopeUpcaster();
    }

    @Bean
    public EventStoreHealth eventStoreHealthIndicator(JdbcTemplate jdbc) {
        return new EventStoreHealth(jdbc);
    }

    @Bean
    public EventChain eventChain(JdbcTemplate jdbc) {
        return new EventChain(jdbc);
    }

    @Bean
    @Primary
    public Serializer serializer() {
        return EventSerialization.serializer();
    }

    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer() {
        return EventSerialization.serializer();
    }

    @Bean
    @Qualifier("messageSerializer")
    public Serializer messageSerializer() {
        return EventSerialization.serializer();
    }
}
