package org.opcat.followup.query.freshness;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.axonframework.serialization.Serializer;
import org.opcat.followup.query.processing.QuarantiningEventStorageEngine;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded event store the read-model processor reads from, declared here instead of by Axon's
 * auto-configuration for one setting: {@code optimizeEventConsumption(false)}. Every stream then
 * reads the event table itself when asked, so when {@link EventArrivals} wakes the processor after
 * command-service (another JVM) committed, the processor's next look finds the events at once;
 * with Axon's default the streams read a cache that a separate thread fills only every fetch delay
 * (docs/adr/0007-freshness-listen-notify.md). Declaring the EventStore switches off Axon's JDBC
 * storage-engine bean too, so that one is here, built as Axon builds it.
 */
@Configuration(proxyBeanMethods = false)
public class EventFeedConfiguration {

    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new JdbcSQLErrorCodesResolver();
    }

    @Bean
    public EventStorageEngine eventStorageEngine(Serializer serializer,
            PersistenceExceptionResolver persistenceExceptionResolver,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            org.axonframework.config.Configuration configuration,
            ConnectionProvider connectionProvider,
            TransactionManager transactionManager,
            EventSchema eventSchema) {
        // Quarantining: a stored row that cannot be read becomes a recorded poison event instead of
        // stopping the reader of every segment (processing/QuarantiningEventStorageEngine).
        return new QuarantiningEventStorageEngine(JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema));
    }

    @Bean
    public EmbeddedEventStore eventStore(EventStorageEngine storageEngine,
            org.axonframework.config.Configuration configuration) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .optimizeEventConsumption(false)
                .build();
    }
}
