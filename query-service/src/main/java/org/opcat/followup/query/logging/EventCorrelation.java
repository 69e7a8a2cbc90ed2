package org.opcat.followup.query.logging;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.opcat.followup.query.ReadModels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * While a projector handles an event, log lines carry the correlation id that command-service
 * stored in the event's metadata: one request can be followed from its HTTP call through the
 * command and the event to the read models (log pattern and json-logs both show the MDC).
 */
@Configuration(proxyBeanMethods = false)
public class EventCorrelation {

    static final String KEY = "correlationId";
    private static final Logger log = LoggerFactory.getLogger(EventCorrelation.class);

    @Bean
    public ConfigurerModule eventCorrelationInLogs() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerHandlerInterceptor(ReadModels.PROCESSING_GROUP, config -> new InLoggingContext()));
    }

    static final class InLoggingContext implements MessageHandlerInterceptor<EventMessage<?>> {

        @Override
        public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
            EventMessage<?> event = unitOfWork.getMessage();
            Object correlationId = event.getMetaData().get(KEY);
            String previous = MDC.get(KEY);
            if (correlationId != null) {
                MDC.put(KEY, correlationId.toString());
            }
            try {
                log.debug("projecting {} recorded by {}", event.getPayloadType().getSimpleName(),
                        event.getMetaData().get("recordedBy"));
                return chain.proceed();
            } finally {
                if (previous == null) {
                    MDC.remove(KEY);
                } else {
                    MDC.put(KEY, previous);
                }
            }
        }
    }
}
