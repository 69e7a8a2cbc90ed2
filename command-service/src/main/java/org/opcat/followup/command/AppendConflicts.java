package org.opcat.followup.command;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Two writers appending to one recommendation at once (two command-service instances): the event
 * table's unique (aggregate, sequence) key lets one in and refuses the other. That refusal is a
 * conflict (409), or a command run again on the stored history ({@link StaleStateRetry}), never a 500.
 */
@Configuration(proxyBeanMethods = false)
class AppendConflicts {

    /**
     * PostgreSQL's unique_violation. Axon's default for JDBC looks for SQLIntegrityConstraintViolationException,
     * which PostgreSQL's driver never throws: the refused append would surface as an EventStoreException.
     */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver("23505");
    }

    /**
     * Axon's gateway with the stale-state retry; interceptors are registered on it by Axon's
     * auto-configuration. Three runs again: one per instance that may have written meanwhile, and more.
     */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus) {
        return DefaultCommandGateway.builder().commandBus(commandBus).retryScheduler(new StaleStateRetry(3)).build();
    }
}
