package org.opcat.followup.command.document;

import org.opcat.followup.eventstore.documents.DocumentContents;
import org.opcat.followup.eventstore.documents.PostgresDocumentContents;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The content store, chosen by {@code followup.documents.store}: {@code postgresql} (the default,
 * schema {@code documents} of the service's own database) is the only one so far; another (an
 * S3-compatible object store) is another {@link DocumentContents} bean under another value.
 */
@Configuration(proxyBeanMethods = false)
class DocumentStore {

    @Bean
    @ConditionalOnProperty(name = "followup.documents.store", havingValue = "postgresql", matchIfMissing = true)
    DocumentContents postgresDocumentContents(JdbcTemplate jdbc) {
        return new PostgresDocumentContents(jdbc);
    }
}
