package org.opcat.followup.command.datasafety;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opcat.followup.command.CommandServiceApplication;
import org.opcat.followup.command.admin.EventChainCommandLine;
import org.opcat.followup.command.api.Api;
import org.opcat.followup.command.api.CommandApiTest;
import org.opcat.followup.command.api.CommandServiceTest;
import org.opcat.followup.eventstore.EventChain.StoreDigest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.env.Environment;

/**
 * Altering a stored event as the database superuser is found, and its position named; every check
 * prints the store digest to keep outside the database.
 */
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
        long last = api.jdbc().queryForObject("SELECT max(globalIndex) FROM events.domain_event_entry", Long.class);
        var digest = intact.get("storeDigest");
        assertThat(digest.get("globalIndex").asLong()).isEqualTo(last);
        assertThat(digest.get("sha256").asText()).matches("[0-9a-f]{64}");
        String kept = EventChainCommandLine.line(new StoreDigest(last, digest.get("sha256").asText()));
        assertThat(verifyFromTheCommandLine()).isZero();
        assertThat(printed).contains(kept);

        assertThat(api.post("/api/recommendations", CommandApiTest.recommendation("CHAIN-2", place, authority)).status())
                .isEqualTo(201);
        assertThat(api.as("admin").get("/api/admin/event-chain").json().get("storeDigest").get("sha256").asText())
                .isNotEqualTo(digest.get("sha256").asText());
        assertThat(api.as("admin").get("/api/admin/event-chain?digestAt=" + last).json().get("storeDigest"))
                .isEqualTo(digest);
        assertThat(verifyFromTheCommandLine("--" + EventChainCommandLine.DIGEST_AT + "=" + last)).isZero();
        assertThat(printed).contains(kept);
        for (String wrong : new String[] {"-1", String.valueOf(last + 1_000)}) {
            var refused = api.as("admin").get("/api/admin/event-chain?digestAt=" + wrong);
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().get("type").asText()).endsWith("/invalid-input");
        }
        assertThat(verifyFromTheCommandLine("--" + EventChainCommandLine.DIGEST_AT + "=-1")).isEqualTo(2);

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

    /** What the last command-line run printed. */
    private String printed;

    private int verifyFromTheCommandLine(String... more) {
        List<String> arguments = new ArrayList<>(List.of("--verify-event-chain",
                "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                "--spring.datasource.username=postgres", "--spring.datasource.password="));
        arguments.addAll(List.of(more));
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            var context = new SpringApplicationBuilder(CommandServiceApplication.class).web(WebApplicationType.NONE)
                    .run(arguments.toArray(String[]::new));
            return SpringApplication.exit(context);
        } finally {
            System.setOut(out);
            printed = captured.toString(StandardCharsets.UTF_8);
        }
    }
}
