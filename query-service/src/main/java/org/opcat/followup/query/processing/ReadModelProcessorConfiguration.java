package org.opcat.followup.query.processing;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.AxonThreadFactory;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.opcat.followup.query.ReadModels;
import org.opcat.followup.query.freshness.EventArrivals;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one event processor of this service: a pooled streaming processor named after the processing
 * group {@value ReadModels#PROCESSING_GROUP}, reading the embedded event store, events of one
 * aggregate in order (sequencing per aggregate id), several aggregates in parallel over
 * {@link ProcessingSettings#segments()} segments shared fairly between instances
 * ({@link SegmentShare}), tokens in query.token_entry committed with the read-model rows. Errors:
 * see {@link PoisonEventGuard}.
 */
@Configuration(proxyBeanMethods = false)
public class ReadModelProcessorConfiguration {

    /**
     * Axon's own token store bean has no way to set the owner name, and two instances with the same
     * owner (two containers with the same pid and host name, or two test contexts in one JVM) would
     * each believe it holds the other's claims.
     */
    @Bean
    public TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer, TokenSchema tokenSchema,
            ProcessingSettings settings) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .serializer(serializer)
                .schema(tokenSchema)
                .nodeId(settings.nodeName())
                .claimTimeout(settings.claimTimeout())
                .build();
    }

    @Bean
    public ProcessorThreads readModelProcessorThreads(ProcessingSettings settings) {
        return new ProcessorThreads(settings.threads());
    }

    @Bean
    public ConfigurerModule readModelProcessorRegistration(ProcessingSettings settings, ProcessorThreads threads,
            FailedEvents failedEvents, RetriedEvents retriedEvents, SegmentShare segmentShare, ReadModelWrites writes,
            EventArrivals arrivals) {
        String name = ReadModels.PROCESSING_GROUP;
        PoisonEventGuard poisonEventGuard = new PoisonEventGuard(failedEvents, retriedEvents, writes);
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerPooledStreamingEventProcessor(name,
                        // The event store's streams, announcing commits of other JVMs (EventArrivals).
                        config -> arrivals.announcing(config.eventStore()),
                        (config, builder) -> builder
                                .initialSegmentCount(settings.segments())
                                .maxSegmentProvider(segmentShare)
                                .batchSize(settings.batchSize())
                                .tokenClaimInterval(settings.tokenClaimInterval().toMillis())
                                .coordinatorExecutor(threads.coordinator)
                                .workerExecutor(threads.workers))
                .registerSequencingPolicy(name, config -> SequentialPerAggregatePolicy.instance())
                // Axon's default for handler exceptions is to log and carry on, which loses the event
                // without a trace beyond the log; the guard decides instead, so pass everything to it.
                .registerListenerInvocationErrorHandler(name, config -> PropagatingErrorHandler.instance())
                .registerErrorHandler(name, config -> PropagatingErrorHandler.instance())
                .registerHandlerInterceptor(name, config -> poisonEventGuard));
    }

    /**
     * The processor's threads, owned here rather than by the processor so that a replay can shut the
     * processor down and start it again on the same pools; closed with the application context.
     */
    public static final class ProcessorThreads implements DisposableBean {

        private final ScheduledExecutorService coordinator;
        private final ScheduledExecutorService workers;

        ProcessorThreads(int workerThreads) {
            this.coordinator = Executors.newSingleThreadScheduledExecutor(
                    new AxonThreadFactory("Coordinator[" + ReadModels.PROCESSING_GROUP + "]"));
            this.workers = Executors.newScheduledThreadPool(workerThreads,
                    new AxonThreadFactory("WorkPackage[" + ReadModels.PROCESSING_GROUP + "]"));
        }

        @Override
        public void destroy() {
            coordinator.shutdownNow();
            workers.shutdownNow();
        }
    }
}
