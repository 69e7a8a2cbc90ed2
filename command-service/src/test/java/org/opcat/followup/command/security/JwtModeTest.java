package org.opcat.followup.command.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opcat.followup.command.api.CommandApiTest;
import org.opcat.followup.security.ApiSecurity;
import org.opcat.followup.testsupport.FreshDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The identity-provider mode: bearer tokens signed by the NPM's provider (here a key made by the
 * test) as its issuer for the services' audience, roles from the {@code roles} claim, the user name
 * from {@code preferred_username}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"followup.security.mode=jwt",
        "followup.security.token.issuer=" + JwtModeTest.ISSUER, "spring.security.oauth2.resourceserver.jwt.audiences=npm-followup"})
@ContextConfiguration(initializers = FreshDatabase.class)
class JwtModeTest {

    static final String ISSUER = "https://id.npm.example/realms/npm";
    static final String AUDIENCE = "npm-followup";
    static final KeyPair PROVIDER = rsa();
    static final KeyPair FORGER = rsa();

    @DynamicPropertySource
    static void providerKey(DynamicPropertyRegistry registry) throws IOException {
        Path pem = Files.createTempFile("provider", ".pem");
        pem.toFile().deleteOnExit();
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(PROVIDER.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + pem);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @Test
    void aSignedTokenActsAsItsUserWithItsRoles() throws Exception {
        String admin = token(PROVIDER, "zhang.admin", List.of("ADMIN"), Instant.now().plusSeconds(300));
        String analyst = token(PROVIDER, "li.analyst", List.of("ANALYST"), Instant.now().plusSeconds(300));
        UUID authority = UUID.fromString(json.readTree(post("/api/authorities", admin,
                Map.of("name", "司法部", "kind", "MINISTRY")).body()).get("authorityId").asText());
        UUID place = UUID.fromString(json.readTree(post("/api/places", admin,
                Map.of("name", "第一监狱", "type", "PRISON", "region", "华北", "authorityId", authority)).body()).get("placeId").asText());

        var issued = post("/api/recommendations", analyst, CommandApiTest.recommendation("JWT-1", place, authority));
        assertThat(issued.statusCode()).isEqualTo(201);
        String id = json.readTree(issued.body()).get("recommendationId").asText();
        byte[] metaData = jdbc.queryForObject("SELECT metaData FROM events.domain_event_entry WHERE aggregateIdentifier = ?",
                byte[].class, id);
        assertThat(json.readTree(metaData).get("recordedBy").asText()).isEqualTo("li.analyst");
    }

    @Test
    void refusesWhatIsNotAValidTokenOfTheProvider() throws Exception {
        Map<String, Object> body = Map.of("name", "n", "kind", "OTHER");
        assertThat(post("/api/authorities", token(PROVIDER, "li.analyst", List.of("ANALYST"), Instant.now().plusSeconds(300)), body)
                .statusCode()).isEqualTo(403);
        assertThat(post("/api/authorities", token(FORGER, "zhang.admin", List.of("ADMIN"), Instant.now().plusSeconds(300)), body)
                .statusCode()).isEqualTo(401);
        assertThat(post("/api/authorities", token(PROVIDER, "zhang.admin", List.of("ADMIN"), Instant.now().minusSeconds(600)), body)
                .statusCode()).isEqualTo(401);
        assertThat(post("/api/authorities", null, body).statusCode()).isEqualTo(401);
        var basic = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/authorities"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:admin-demo".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(basic.statusCode()).isEqualTo(401);
        assertThat(basic.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer");
    }

    @Test
    void refusesATokenOfAnotherIssuerOrForAnotherAudience() throws Exception {
        Map<String, Object> body = Map.of("name", "审计署", "kind", "OTHER");
        Instant expires = Instant.now().plusSeconds(300);
        List<String> admin = List.of("ADMIN");
        assertThat(post("/api/authorities", token(PROVIDER, "https://other.example", List.of(AUDIENCE), "zhang.admin", admin, expires), body)
                .statusCode()).as("another issuer").isEqualTo(401);
        assertThat(post("/api/authorities", token(PROVIDER, null, List.of(AUDIENCE), "zhang.admin", admin, expires), body)
                .statusCode()).as("no issuer").isEqualTo(401);
        assertThat(post("/api/authorities", token(PROVIDER, ISSUER, List.of("another-application"), "zhang.admin", admin, expires), body)
                .statusCode()).as("another audience").isEqualTo(401);
        assertThat(post("/api/authorities", token(PROVIDER, ISSUER, List.of(), "zhang.admin", admin, expires), body)
                .statusCode()).as("no audience").isEqualTo(401);
        assertThat(post("/api/authorities", token(PROVIDER, ISSUER, List.of("another-application", AUDIENCE), "zhang.admin", admin,
                expires), body).statusCode()).as("among its audiences").isEqualTo(201);
    }

    @Test
    void tokensAreNotAcceptedWithoutAnAudienceToCheck() {
        assertThatThrownBy(() -> ApiSecurity.fromIssuerFor(token -> null, ISSUER, List.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES");
    }

    HttpResponse<String> post(String path, String token, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A token of the identity provider's issuer for the services' audience. */
    static String token(KeyPair signer, String user, List<String> roles, Instant expires) throws JOSEException {
        return token(signer, ISSUER, List.of(AUDIENCE), user, roles, expires);
    }

    static String token(KeyPair signer, String issuer, List<String> audience, String user, List<String> roles, Instant expires)
            throws JOSEException {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(UUID.randomUUID().toString()).issuer(issuer).audience(audience)
                .claim("preferred_username", user).claim("roles", roles)
                .issueTime(Date.from(expires.minusSeconds(900))).expirationTime(Date.from(expires)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        jwt.sign(new RSASSASigner((RSAPrivateKey) signer.getPrivate()));
        return jwt.serialize();
    }

    static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
