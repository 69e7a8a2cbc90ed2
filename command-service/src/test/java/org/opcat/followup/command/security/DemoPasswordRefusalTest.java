package org.opcat.followup.command.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opcat.followup.command.CommandServiceApplication;
import org.opcat.followup.testsupport.TestPostgres;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** A demo installation never quietly becomes a real one. */
class DemoPasswordRefusalTest {

    @Test
    void anyOtherProfileRefusesToStartWhileADemoPasswordRemains() {
        String database = TestPostgres.newDatabase();
        try (ConfigurableApplicationContext demo = start(database, "demo")) {
            assertThat(demo.isRunning()).isTrue();
        }

        assertThatThrownBy(() -> start(database, "production").close())
                .hasStackTraceContaining("user 'analyst' still has its demo password");

        JdbcTemplate jdbc = new JdbcTemplate(TestPostgres.dataSource(database));
        // Change three of them, disable nothing: the fourth still blocks the start.
        for (String name : new String[] {"analyst", "manager", "reporter"}) {
            jdbc.update("UPDATE security.user_account SET password_hash = '{noop}a real passphrase' WHERE username = ?", name);
        }
        assertThatThrownBy(() -> start(database, "production").close())
                .hasStackTraceContaining("user 'admin' still has its demo password");

        jdbc.update("UPDATE security.user_account SET password_hash = '{noop}another real passphrase' WHERE username = 'admin'");
        try (ConfigurableApplicationContext production = start(database, "production")) {
            assertThat(production.isRunning()).isTrue();
        }
    }

    private static ConfigurableApplicationContext start(String database, String profile) {
        return new SpringApplicationBuilder(CommandServiceApplication.class)
                .profiles(profile)
                .run("--server.port=0", "--spring.datasource.url=" + database, "--spring.datasource.username=postgres",
                        "--spring.datasource.password=");
    }
}
