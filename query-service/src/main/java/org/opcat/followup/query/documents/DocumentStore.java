package org.opcat.followup.query.documents;

import org.opcat.followup.eventstore.documents.DocumentContents;
import org.opcat.followup.eventstore.documents.PostgresDocumentContents;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The content store command-service writes (followup.documents.store, default postgresql), read here. */
@Configuration(proxyBeanMethods = false)
class DocumentStore {

    @Bean
    @ConditionalOnProperty(name = "followup.documents.store", havingValue = "postgresql", matchIfMissing = true)
    DocumentContents postgresDocumentContents(JdbcTemplate jdbc) {
        return new PostgresDocumentContents(jdbc);
    }
}
