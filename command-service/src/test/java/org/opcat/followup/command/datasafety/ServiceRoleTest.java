package org.opcat.followup.command.datasafety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opcat.followup.command.api.Api;
import org.opcat.followup.command.api.Api.Answer;
import org.opcat.followup.command.api.CommandApiTest;
import org.opcat.followup.command.api.CommandServiceTest;
import org.opcat.followup.testsupport.TestPostgres;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.mock.http.MockHttpOutputMessage;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * command-service as docker-compose runs it: migrations as the owner, the service itself as a role
 * that may only read and append events (FOLLOWUP_DB_APP_ROLE), which is no superuser, so the
 * database's own checks hold it, the check of the events' timestamps included. Everything the
 * service does works with those grants, and the events Axon stamps (a large import among them) pass.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@ContextConfiguration(initializers = ServiceRoleTest.AsServiceRole.class)
@Import({CommandServiceTest.FixedClock.class, Api.class})
class ServiceRoleTest {

    static final String ROLE = "followup_service";
    static final int IMPORTED_ROWS = 1_000;

    static class AsServiceRole implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            String url = TestPostgres.newDatabase();
            String withoutUser = url.replaceAll("\\?.*", ""); // the server's URL names its superuser
            try (Connection c = TestPostgres.dataSource(url).getConnection(); Statement s = c.createStatement()) {
                s.execute("DO $$ BEGIN CREATE ROLE " + ROLE + " LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            TestPropertyValues.of(
                    "spring.datasource.url=" + withoutUser,
                    "spring.datasource.username=" + ROLE,
                    "spring.datasource.password=",
                    "spring.flyway.user=postgres",
                    "spring.flyway.password=",
                    "FOLLOWUP_DB_APP_ROLE=" + ROLE).applyTo(context);
        }
    }

    @Autowired
    Api api;

    @Test
    void theServiceRecordsEverythingAsARoleThatMayOnlyReadAndAppendEvents() {
        assertThat(api.jdbc().queryForObject("SELECT current_user", String.class)).isEqualTo(ROLE);
        assertThat(api.jdbc().queryForObject("SELECT rolsuper FROM pg_roles WHERE rolname = current_user", Boolean.class))
                .isFalse();

        UUID authority = api.registerAuthority("监狱管理局", "DETENTION_ADMINISTRATION", null);
        UUID place = api.registerPlace("第一监狱", "PRISON", authority);
        Answer issued = api.post("/api/recommendations", CommandApiTest.recommendation("ROLE-1", place, authority));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String id = issued.json().get("recommendationId").asText();
        assertThat(api.post("/api/recommendations/" + id + "/responses", Map.of("authorityId", authority,
                "receivedOn", "2025-07-01", "channel", "WRITTEN", "position", "ACCEPTED", "text", "已收到")).status())
                .isEqualTo(201);
        Answer user = api.as("admin").post("/api/users", Map.of("username", "clerk", "password", "a long passphrase 1",
                "roles", java.util.List.of("ANALYST")));
        assertThat(user.status()).as(user.body()).isEqualTo(201);
        assertThat(api.as("admin").put("/api/users/clerk/enabled", Map.of("enabled", false)).status()).isEqualTo(200);

        var chain = api.as("admin").get("/api/admin/event-chain").json();
        assertThat(chain.get("firstBrokenLink").isNull()).isTrue();
        assertThat(chain.get("checked").asLong()).isEqualTo(api.storedEvents());

        assertThatThrownBy(() -> api.jdbc().update("UPDATE events.domain_event_entry SET payload = '\\x00'"))
                .hasStackTraceContaining("permission denied");
        assertThatThrownBy(() -> api.jdbc().update("DELETE FROM events.recommendation_reference"))
                .hasStackTraceContaining("permission denied");
        assertThatThrownBy(() -> api.jdbc().update("DELETE FROM security.user_account"))
                .hasStackTraceContaining("permission denied");
    }

    @Test
    void aLargeImportIsStoredWithTheTimestampsAxonGaveItsEvents() {
        StringBuilder file = new StringBuilder("reference,title,text,language,issuedOn,sourceKind,documentReference,place,"
                + "addressees,themes,scope,priority,standards,responseDueOn,confidential\n");
        for (int row = 0; row < IMPORTED_ROWS; row++) {
            file.append("BULK-").append(row).append(",Medical screening on admission,All detainees are examined within ")
                    .append("24 hours.,en,2025-03-01,VISIT_REPORT,Visit report 2025/V-1,,Prison Administration,health-care,")
                    .append("SYSTEMIC,normal,,,no\n");
        }
        byte[] csv = file.toString().getBytes(StandardCharsets.UTF_8);
        long before = api.storedEvents();

        Answer dryRun = upload("dryRun=true&createMissing=true", csv);
        assertThat(dryRun.status()).as(dryRun.body()).isEqualTo(200);
        Answer stored = upload("createMissing=true", csv);
        assertThat(stored.status()).as(stored.body()).isEqualTo(200);

        assertThat(api.storedEvents()).isEqualTo(before + 1 + IMPORTED_ROWS);
        assertThat(api.as("admin").get("/api/admin/event-chain").json().get("firstBrokenLink").isNull()).isTrue();
    }

    private Answer upload(String query, byte[] csv) {
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("file", new ByteArrayResource(csv)).filename("recommendations.csv").contentType(MediaType.parseMediaType("text/csv"));
        MockHttpOutputMessage encoded = new MockHttpOutputMessage();
        try {
            new FormHttpMessageConverter().write(form.build(), MediaType.MULTIPART_FORM_DATA, encoded);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // As an administrator: createMissing registers authorities, which only ADMIN may.
        return api.as("admin").send("POST", "/api/imports?" + query, encoded.getHeaders().getContentType().toString(),
                HttpRequest.BodyPublishers.ofByteArray(encoded.getBodyAsBytes()));
    }
}
