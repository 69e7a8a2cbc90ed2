package org.opcat.followup.query;

import org.opcat.followup.eventstore.EventStoreMigrations;
import org.opcat.followup.testsupport.FreshDatabase;
import org.opcat.followup.testsupport.TestPostgres;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A fresh database on the embedded server with the event store and user register in it, as
 * command-service would have migrated them, before any bean (Flyway, Axon) starts. The query service only reads the
 * event store and never migrates it itself.
 */
public class EventStoreDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        new FreshDatabase().initialize(context);
        String url = context.getEnvironment().getRequiredProperty("spring.datasource.url");
        EventStoreMigrations.migrate(TestPostgres.dataSource(url), "classpath:db/security");
    }
}
