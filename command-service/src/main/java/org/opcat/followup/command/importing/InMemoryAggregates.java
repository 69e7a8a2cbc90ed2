package org.opcat.followup.command.importing;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.annotation.FixedValueParameterResolver;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.opcat.followup.command.AggregateTypeGuard;
import org.opcat.followup.command.Registers;
import org.opcat.followup.command.authority.Authority;
import org.opcat.followup.command.place.PlaceOfDetention;
import org.opcat.followup.command.recommendation.JdbcReferenceRegistry;
import org.opcat.followup.command.recommendation.Recommendation;
import org.opcat.followup.command.recommendation.ReferenceRegistry;
import org.springframework.stereotype.Component;

import static org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage;

/**
 * The aggregates as they would be after a file's commands, kept in memory only: how the import
 * judges a file without storing anything. Each command goes through the aggregates' own
 * {@code @CommandHandler} and {@code @EventSourcingHandler} methods (Axon's annotation handler and
 * event-sourcing repository, as for the REST API), on a throwaway in-memory event store that holds
 * each touched aggregate's stored events plus what the rows before recorded. So a response sees
 * the recommendation issued three rows above it, and nothing reaches the database: no event, no
 * reference claim, no number drawn from the global index.
 */
@Component
class InMemoryAggregates {

    private static final List<Class<?>> AGGREGATES = List.of(Recommendation.class, Authority.class, PlaceOfDetention.class);

    private final EventStore stored;
    private final Configuration axon;
    private final Registers registers;
    private final JdbcReferenceRegistry references;

    InMemoryAggregates(EventStore stored, Configuration axon, Registers registers, JdbcReferenceRegistry references) {
        this.stored = stored;
        this.axon = axon;
        this.registers = registers;
        this.references = references;
    }

    /** A fresh trial: one per file, as nothing in it may outlive the file's validation. */
    Trial trial() {
        return new Trial();
    }

    final class Trial implements AutoCloseable {

        private final InMemoryEventStorageEngine memory = new InMemoryEventStorageEngine();
        private final EmbeddedEventStore events = EmbeddedEventStore.builder().storageEngine(memory).build();
        private final Set<String> loaded = new HashSet<>();
        private final AtomicLong recorded = new AtomicLong();
        private final CommandTargetResolver targets = AnnotationCommandTargetResolver.builder().build();
        private final CommandGateway gateway;

        private Trial() {
            Registers trialRegisters = id -> firstEvent(id.toString()).map(DomainEventMessage::getType)
                    .or(() -> registers.typeOf(id));
            ReferenceRegistry trialReferences = references.tentative();
            // The handlers' own parameters (calendar...) as Spring resolves them, but registers that
            // know this trial's records, and reference claims that are never written.
            ParameterResolverFactory trialParameters = (executable, parameters, index) -> {
                Class<?> type = parameters[index].getType();
                if (type == Registers.class) {
                    return new FixedValueParameterResolver<>(trialRegisters);
                }
                if (type == ReferenceRegistry.class) {
                    return new FixedValueParameterResolver<>(trialReferences);
                }
                return null;
            };
            ParameterResolverFactory resolvers = new MultiParameterResolverFactory(trialParameters,
                    axon.parameterResolverFactory());
            SimpleCommandBus bus = SimpleCommandBus.builder().build();
            bus.registerHandlerInterceptor(AggregateTypeGuard.over(trialRegisters));
            AGGREGATES.forEach(type -> subscribe(bus, type, resolvers));
            events.subscribe(appended -> recorded.addAndGet(appended.size()));
            gateway = DefaultCommandGateway.builder().commandBus(bus).build();
        }

        private <T> void subscribe(SimpleCommandBus bus, Class<T> type, ParameterResolverFactory resolvers) {
            EventSourcingRepository<T> repository = EventSourcingRepository.builder(type).eventStore(events)
                    .parameterResolverFactory(resolvers).handlerDefinition(axon.handlerDefinition(type)).build();
            AggregateAnnotationCommandHandler.<T>builder().aggregateType(type).repository(repository)
                    .parameterResolverFactory(resolvers).handlerDefinition(axon.handlerDefinition(type)).build()
                    .subscribe(bus);
        }

        /** Handles the command as the command API would, against this trial's states; refusals are thrown. */
        void send(Object command) {
            load(targets.resolveTarget(asCommandMessage(command)).getIdentifier());
            gateway.sendAndWait(command);
        }

        /** Events the commands sent so far would append. */
        long recorded() {
            return recorded.get();
        }

        /** Copies an aggregate's stored history into memory, once, before its first command here. */
        private void load(String aggregateId) {
            if (loaded.add(aggregateId)) {
                List<? extends DomainEventMessage<?>> history = stored.readEvents(aggregateId).asStream().toList();
                if (!history.isEmpty()) {
                    // Outside any unit of work: stored at once, and not counted as recorded by the file.
                    memory.appendEvents(history);
                }
            }
        }

        private Optional<DomainEventMessage<?>> firstEvent(String aggregateId) {
            return memory.readEvents(aggregateId, 0).asStream().<DomainEventMessage<?>>map(e -> e).findFirst();
        }

        @Override
        public void close() {
            events.shutDown();
        }
    }
}
