package org.opcat.followup.query;

import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tracking tokens live beside the read models in schema {@code query}, so a projector's row writes
 * and its token advance commit in one transaction.
 */
@Configuration(proxyBeanMethods = false)
public class TokenStoreConfiguration {

    @Bean
    public TokenSchema tokenSchema() {
        return TokenSchema.builder().setTokenTable("query.token_entry").build();
    }
}
