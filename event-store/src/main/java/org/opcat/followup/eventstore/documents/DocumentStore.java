package org.opcat.followup.eventstore.documents;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The content store, chosen by {@code followup.documents.store}: {@code postgresql} (the default,
 * schema {@code documents} of the service's own database) is the only one so far; another (an
 * S3-compatible object store) is another {@link DocumentContents} bean under another value. Both services
 * import it: command-service writes the contents, query-service reads them.
 */
@Configuration(proxyBeanMethods = false)
public class DocumentStore {

    @Bean
    @ConditionalOnProperty(name = "followup.documents.store", havingValue = "postgresql", matchIfMissing = true)
    DocumentContents postgresDocumentContents(JdbcTemplate jdbc) {
        return new PostgresDocumentContents(jdbc);
    }

    /** Which recommendation each document id belongs to (schema documents, beside the contents). */
    @Bean
    DocumentRegistry documentRegistry(JdbcTemplate jdbc) {
        return new JdbcDocumentRegistry(jdbc);
    }
}
