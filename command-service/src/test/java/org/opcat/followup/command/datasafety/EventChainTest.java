package org.opcat.followup.command.datasafety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opcat.followup.command.CommandServiceApplication;
import org.opcat.followup.command.api.Api;
import org.opcat.followup.command.api.CommandApiTest;
import org.opcat.followup.command.api.CommandServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.env.Environment;

/** Altering a stored event as the database superuser is found, and its position named. */
@CommandServiceTest
class EventChainTest {

    @Autowired
    Api api;
    @Autowired
    Environment environment;

    @Test
    void verificationNamesTheFirstAlteredEvent() {
        UUID authority = api.registerAuthority("监狱管理局", "DETENTION_ADMINISTRATION", null);
        UUID place = api.registerPlace("第一监狱", "PRISON", authority);
        String id = api.post("/api/recommendations", CommandApiTest.recommendation("CHAIN-1", place, authority))
                .json().get("recommendationId").asText();
        for (int i = 1; i <= 3; i++) {
            assertThat(api.post("/api/recommendations/" + id + "/responses", Map.of("authorityId", authority,
                    "receivedOn", "2025-07-0" + i, "channel", "WRITTEN", "position", "UNDER_CONSIDERATION", "text", "函 " + i))
                    .status()).isEqualTo(201);
        }
        var intact = api.as("admin").get("/api/admin/event-chain").json();
        assertThat(intact.get("firstBrokenLink").isNull()).isTrue();
        assertThat(intact.get("checked").asLong()).isEqualTo(api.storedEvents());
        assertThat(verifyFromTheCommandLine()).isZero();

        long second = api.jdbc().queryForObject("SELECT globalIndex FROM events.domain_event_entry "
                + "WHERE aggregateIdentifier = ? AND sequenceNumber = 2", Long.class, id);
        // The superuser can switch triggers off for the session; the chain still tells.
        api.jdbc().execute("SET session_replication_role = replica");
        try {
            api.jdbc().update("UPDATE events.domain_event_entry SET payload = convert_to(replace(convert_from(payload, 'UTF8'), "
                    + "'UNDER_CONSIDERATION', 'ACCEPTED'), 'UTF8') WHERE globalIndex = ?", second);
        } finally {
            api.jdbc().execute("SET session_replication_role = origin");
        }

        var broken = api.as("admin").get("/api/admin/event-chain").json().get("firstBrokenLink");
        assertThat(broken.get("globalIndex").asLong()).isEqualTo(second);
        assertThat(broken.get("aggregateIdentifier").asText()).isEqualTo(id);
        assertThat(broken.get("sequenceNumber").asLong()).isEqualTo(2);
        assertThat(verifyFromTheCommandLine()).isEqualTo(3);
        assertThat(api.as("analyst").get("/api/admin/event-chain").status()).isEqualTo(403);
    }

    private int verifyFromTheCommandLine() {
        var context = new SpringApplicationBuilder(CommandServiceApplication.class).web(WebApplicationType.NONE)
                .run("--verify-event-chain", "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                        "--spring.datasource.username=postgres", "--spring.datasource.password=");
        return SpringApplication.exit(context);
    }
}
