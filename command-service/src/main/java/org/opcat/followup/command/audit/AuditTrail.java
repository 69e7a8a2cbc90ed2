package org.opcat.followup.command.audit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.slf4j.MDC;
import org.opcat.followup.security.CurrentUser;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The event stream is the audit trail: every command is stamped, server side, with who recorded it
 * and the request's correlation id, and Axon copies both into the metadata of the events it causes.
 * Clients have no way to set either (request bodies reject unknown fields).
 */
@Configuration(proxyBeanMethods = false)
public class AuditTrail {

    public static final String RECORDED_BY = "recordedBy";

    /** Axon's auto-configuration registers it on the command gateway, as every dispatch interceptor bean. */
    @Bean
    MessageDispatchInterceptor<CommandMessage<?>> auditStamp() {
        return new MessageDispatchInterceptor<>() {
            @Override
            public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
                return (index, command) -> {
                    Map<String, Object> audit = new HashMap<>();
                    // Always the authenticated user of this request: no request field can set it.
                    audit.put(RECORDED_BY, CurrentUser.name());
                    String correlationId = MDC.get(CorrelationId.KEY);
                    if (correlationId != null) {
                        audit.put(CorrelationId.KEY, correlationId);
                    }
                    // andMetaData: server values win over anything already on the message.
                    return command.andMetaData(audit);
                };
            }
        };
    }

    /**
     * Copies both keys from the command into its events. Axon's default MessageOriginProvider is
     * deliberately not used: it would overwrite {@code correlationId} with the command message's id.
     */
    @Bean
    CorrelationDataProvider auditCorrelation() {
        return new SimpleCorrelationDataProvider(RECORDED_BY, CorrelationId.KEY);
    }
}
