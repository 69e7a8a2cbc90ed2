package org.opcat.followup.testsupport;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a Spring test context at a database of its own on the embedded server:
 * {@code @ContextConfiguration(initializers = FreshDatabase.class)}.
 */
public class FreshDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String url = TestPostgres.newDatabase();
        TestPropertyValues.of(
                "spring.datasource.url=" + url,
                "spring.datasource.username=postgres",
                "spring.datasource.password=").applyTo(context);
    }
}
