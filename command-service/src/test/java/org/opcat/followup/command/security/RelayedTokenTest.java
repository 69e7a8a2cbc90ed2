package org.opcat.followup.command.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opcat.followup.command.api.Api;
import org.opcat.followup.testsupport.FreshDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Basic mode with a trusted signer configured (the web interface): users of the register sign in
 * with HTTP Basic, and tokens signed by that key act as their user; other tokens are refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@ContextConfiguration(initializers = FreshDatabase.class)
@Import(Api.class)
class RelayedTokenTest {

    @DynamicPropertySource
    static void trustedSigner(DynamicPropertyRegistry registry) throws IOException {
        Path pem = Files.createTempFile("web-ui", ".pem");
        pem.toFile().deleteOnExit();
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(JwtModeTest.PROVIDER.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + pem);
    }

    @Autowired
    Api api;
    @Autowired
    Environment environment;

    /** As the web interface signs them: issuer web-ui, audience opcat-followup (both the defaults). */
    static String relayed(KeyPair signer, String user, List<String> roles, Instant expires) throws Exception {
        return JwtModeTest.token(signer, "web-ui", List.of("opcat-followup"), user, roles, expires);
    }

    @Test
    void aTokenOfTheTrustedKeyFromAnotherIssuerOrForAnotherAudienceIsRefused() throws Exception {
        Instant expires = Instant.now().plusSeconds(120);
        assertThat(bearer(relayed(JwtModeTest.PROVIDER, "admin", List.of("ADMIN"), expires))).isEqualTo(200);
        assertThat(bearer(JwtModeTest.token(JwtModeTest.PROVIDER, "reporting-tool", List.of("opcat-followup"), "admin",
                List.of("ADMIN"), expires))).as("another issuer").isEqualTo(401);
        assertThat(bearer(JwtModeTest.token(JwtModeTest.PROVIDER, null, List.of("opcat-followup"), "admin",
                List.of("ADMIN"), expires))).as("no issuer").isEqualTo(401);
        assertThat(bearer(JwtModeTest.token(JwtModeTest.PROVIDER, "web-ui", List.of("another-application"), "admin",
                List.of("ADMIN"), expires))).as("another audience").isEqualTo(401);
        assertThat(bearer(JwtModeTest.token(JwtModeTest.PROVIDER, "web-ui", List.of(), "admin",
                List.of("ADMIN"), expires))).as("no audience").isEqualTo(401);
    }

    private int bearer(String token) {
        return api.withCredentials(null, null).send("GET", "/api/users", null,
                java.net.http.HttpRequest.BodyPublishers.noBody(), "Authorization", "Bearer " + token).status();
    }

    @Test
    void basicAndTrustedTokensBothWorkAndForgedOnesDoNot() throws Exception {
        assertThat(api.as("admin").get("/api/users").status()).isEqualTo(200);

        String relayed = relayed(JwtModeTest.PROVIDER, "admin", List.of("ADMIN"), Instant.now().plusSeconds(120));
        assertThat(api.withCredentials(null, null).send("GET", "/api/users", null,
                java.net.http.HttpRequest.BodyPublishers.noBody(), "Authorization", "Bearer " + relayed).status()).isEqualTo(200);

        // The register decides, not the token: a manager's token that claims ADMIN is a manager's.
        String inflated = relayed(JwtModeTest.PROVIDER, "manager", List.of("ADMIN"), Instant.now().plusSeconds(120));
        assertThat(api.withCredentials(null, null).send("GET", "/api/users", null,
                java.net.http.HttpRequest.BodyPublishers.noBody(), "Authorization", "Bearer " + inflated).status()).isEqualTo(403);
        // A user disabled after signing in to the web interface is refused at once.
        String analystToken = relayed(JwtModeTest.PROVIDER, "analyst", List.of("ANALYST"), Instant.now().plusSeconds(120));
        assertThat(api.withCredentials(null, null).send("GET", "/api/users/me", null,
                java.net.http.HttpRequest.BodyPublishers.noBody(), "Authorization", "Bearer " + analystToken).status()).isEqualTo(200);
        assertThat(api.as("admin").put("/api/users/analyst/enabled", java.util.Map.of("enabled", false)).status()).isEqualTo(200);
        assertThat(api.withCredentials(null, null).send("GET", "/api/users/me", null,
                java.net.http.HttpRequest.BodyPublishers.noBody(), "Authorization", "Bearer " + analystToken).status()).isEqualTo(401);
        String stranger = relayed(JwtModeTest.PROVIDER, "nobody-of-the-register", List.of("ADMIN"), Instant.now().plusSeconds(120));
        assertThat(api.withCredentials(null, null).send("GET", "/api/users/me", null,
                java.net.http.HttpRequest.BodyPublishers.noBody(), "Authorization", "Bearer " + stranger).status()).isEqualTo(401);

        String forged = relayed(JwtModeTest.FORGER, "admin", List.of("ADMIN"), Instant.now().plusSeconds(120));
        assertThat(api.withCredentials(null, null).send("GET", "/api/users", null,
                java.net.http.HttpRequest.BodyPublishers.noBody(), "Authorization", "Bearer " + forged).status()).isEqualTo(401);
        assertThat(api.withCredentials(null, null).send("POST", "/api/authorities", "application/json",
                java.net.http.HttpRequest.BodyPublishers.ofString("{\"name\":\"n\",\"kind\":\"OTHER\"}"),
                "Authorization", "Bearer " + forged).status()).isEqualTo(401);
    }

    @Test
    void aBurstOfWrongPasswordsForAUserDoesNotRefuseTheTokensRelayedForThem() throws Exception {
        // Work under way: the web interface checked admin's password at sign-in and relays tokens since,
        // and a script signs in as admin with HTTP Basic from this address.
        assertThat(api.as("admin").get("/api/users/me").status()).isEqualTo(200);
        String relayed = relayed(JwtModeTest.PROVIDER, "admin", List.of("ADMIN"), Instant.now().plusSeconds(120));
        int port = Integer.parseInt(environment.getProperty("local.server.port"));
        for (int i = 0; i < 10; i++) {
            assertThat(FromAnotherAddress.status(port, "/api/users/me", "admin", "guess-" + i)).isEqualTo(401);
        }
        assertThat(api.jdbc().queryForObject("SELECT locked_until IS NOT NULL FROM security.user_account WHERE username = 'admin'",
                Boolean.class)).as("password sign-in is locked").isTrue();
        // A lock stops password guessing; a relayed token is no guess, so the signed-in user works on.
        var me = api.withCredentials(null, null).send("GET", "/api/users/me", null,
                java.net.http.HttpRequest.BodyPublishers.noBody(), "Authorization", "Bearer " + relayed);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("username").asText()).isEqualTo("admin");
        assertThat(FromAnotherAddress.status(port, "/api/users/me", "admin", "admin-demo")).as("the stranger's address").isEqualTo(401);
    }
}
