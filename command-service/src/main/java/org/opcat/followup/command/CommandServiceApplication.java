package org.opcat.followup.command;

import java.util.Arrays;
import org.opcat.followup.command.admin.EventChainCommandLine;
import org.opcat.followup.eventstore.EventStoreConfiguration;
import org.opcat.followup.eventstore.documents.DocumentStore;
import org.opcat.followup.api.ApiDocumentation;
import org.opcat.followup.security.ApiSecurity;
import org.opcat.followup.api.ProblemMessages;
import org.opcat.followup.security.UserRegisterController;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

@SpringBootApplication
@ConfigurationPropertiesScan
@Import({EventStoreConfiguration.class, DocumentStore.class, ApiSecurity.class, ApiDocumentation.class, UserRegisterController.class,
        ProblemMessages.class})
public class CommandServiceApplication {

    public static void main(String[] args) {
        // NPM data is sensitive and many NPMs run offline: Axon must not call its update server.
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
        SpringApplication application = new SpringApplication(CommandServiceApplication.class);
        if (Arrays.asList(args).contains("--" + EventChainCommandLine.OPTION)) {
            // A one-off check from the command line: no web server, exit with the verdict.
            application.setWebApplicationType(WebApplicationType.NONE);
            System.exit(SpringApplication.exit(application.run(args)));
        }
        application.run(args);
    }
}
