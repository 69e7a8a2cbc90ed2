package org.opcat.followup.query;

import org.opcat.followup.eventstore.EventStoreConfiguration;
import org.opcat.followup.eventstore.documents.DocumentStore;
import org.opcat.followup.api.ApiDocumentation;
import org.opcat.followup.security.ApiSecurity;
import org.opcat.followup.api.ProblemMessages;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

@SpringBootApplication
@ConfigurationPropertiesScan
@Import({EventStoreConfiguration.class, DocumentStore.class, ApiSecurity.class, ApiDocumentation.class, ProblemMessages.class})
public class QueryServiceApplication {

    public static void main(String[] args) {
        // NPM data is sensitive and many NPMs run offline: Axon must not call its update server.
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
        SpringApplication.run(QueryServiceApplication.class, args);
    }
}
