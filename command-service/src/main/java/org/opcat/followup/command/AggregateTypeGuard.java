package org.opcat.followup.command;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.opcat.followup.api.ProblemCode;
import org.opcat.followup.command.recommendation.RecommendationCommands;
import org.opcat.followup.command.refusal.RuleViolated;
import org.opcat.followup.command.refusal.UnknownId;
import org.opcat.followup.events.AggregateTypes;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Ids are UUIDs chosen by clients, so a client can name an authority where a recommendation is
 * expected. Axon would load that other aggregate's events into the wrong class and fail with a
 * 500; this guard answers first: 404 for a command on an existing record, 409 for a creation.
 */
@Component
public class AggregateTypeGuard implements MessageHandlerInterceptor<CommandMessage<?>> {

    /** The aggregate each feature package's commands are for. */
    private static final Map<String, String> AGGREGATE_OF_PACKAGE = Map.of(
            "org.opcat.followup.command.recommendation", AggregateTypes.RECOMMENDATION,
            "org.opcat.followup.command.authority", AggregateTypes.AUTHORITY,
            "org.opcat.followup.command.place", AggregateTypes.PLACE_OF_DETENTION);

    private final Registers registers;
    private final Cache recommendations;
    private final CommandTargetResolver targets = AnnotationCommandTargetResolver.builder().build();

    /**
     * Axon's auto-configuration registers this bean on the command bus, as every handler interceptor bean.
     *
     * @param recommendations the recommendations' aggregate cache: what it holds was committed as a recommendation
     */
    AggregateTypeGuard(Registers registers, @Qualifier("aggregateCache") Cache recommendations) {
        this.registers = registers;
        this.recommendations = recommendations;
    }

    /** The same guard for commands tried on other registers than the event store's (the import's dry run). */
    public static AggregateTypeGuard over(Registers registers) {
        return new AggregateTypeGuard(registers, NoCache.INSTANCE);
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        String expected = AGGREGATE_OF_PACKAGE.get(command.getPayloadType().getPackageName());
        if (expected != null) {
            UUID id = UUID.fromString(targets.resolveTarget(command).getIdentifier());
            // Most commands are on a recommendation being worked on, found in the cache: no round trip.
            Optional<String> actual = recommendations.containsKey(id.toString())
                    ? Optional.of(AggregateTypes.RECOMMENDATION) : registers.typeOf(id);
            if (actual.isPresent() && !actual.get().equals(expected)) {
                if (command.getPayload() instanceof RecommendationCommands.OnExisting) {
                    throw new UnknownId("recommendationId", ProblemCode.UNKNOWN_RECOMMENDATION, id);
                }
                throw new RuleViolated(idField(expected), ProblemCode.ID_OF_ANOTHER_KIND, "id", id);
            }
        }
        return chain.proceed();
    }

    private static String idField(String aggregateType) {
        return switch (aggregateType) {
            case AggregateTypes.RECOMMENDATION -> "recommendationId";
            case AggregateTypes.AUTHORITY -> "authorityId";
            default -> "placeId";
        };
    }
}
