package org.opcat.followup.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opcat.followup.localrun.RelayKeys;
import org.opcat.followup.web.signin.SignedInUser;
import org.springframework.security.converter.RsaKeyConverters;

/**
 * Nobody can pass for someone else: the services accept the web interface's tokens only when
 * signed with its key and still valid, and the web interface itself knows a user only by its own
 * session (a made-up or altered session cookie gets the sign-in page).
 */
class ForgedIdentityTest {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void services_accept_the_web_interfaces_tokens_and_nothing_forged() throws Exception {
        TestStack stack = TestStack.get();
        RSAPrivateKey ours = privateKey(stack.keys.privateKey());
        RSAPrivateKey someoneElses = privateKey(RelayKeys.in(Files.createTempDirectory("forger")).privateKey());
        Instant now = Instant.now();

        assertThat(me(stack.commandUrl, token(ours, "admin", now.plusSeconds(60)))).isEqualTo(200);
        assertThat(me(stack.commandUrl, token(someoneElses, "admin", now.plusSeconds(60)))).isEqualTo(401);
        assertThat(me(stack.commandUrl, token(ours, "admin", now.minusSeconds(600)))).as("expired").isEqualTo(401);
        assertThat(me(stack.commandUrl, token(ours, "reporting-tool", TestStack.AUDIENCE, "admin", now.plusSeconds(60))))
                .as("our key, another issuer").isEqualTo(401);
        assertThat(me(stack.commandUrl, token(ours, "web-ui", "opcat-followup", "admin", now.plusSeconds(60))))
                .as("our key, another audience").isEqualTo(401);
        String genuine = token(ours, "analyst", now.plusSeconds(60));
        String[] parts = genuine.split("\\.");
        String promoted = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(parts[1])).replace("ANALYST", "ADMIN").getBytes()) + "." + parts[2];
        assertThat(get(stack.commandUrl + "/api/users", promoted)).as("claims altered after signing").isEqualTo(401);

        // query-service: once it requires users (wired separately), the same holds there.
        assumeTrue(get(stack.queryUrl + "/api/dashboard", null) == 401, "query-service does not require users yet");
        assertThat(get(stack.queryUrl + "/api/dashboard", token(ours, "manager", now.plusSeconds(60)))).isEqualTo(200);
        assertThat(get(stack.queryUrl + "/api/dashboard", token(someoneElses, "manager", now.plusSeconds(60)))).isEqualTo(401);
        assertThat(get(stack.queryUrl + "/api/dashboard", token(ours, "web-ui", "opcat-followup", "manager", now.plusSeconds(60))))
                .as("our key, another audience").isEqualTo(401);
    }

    @Test
    void the_web_interface_knows_users_only_by_its_own_sessions() throws Exception {
        String web = TestStack.get().webUrl;
        for (String cookie : List.of("JSESSIONID=0123456789ABCDEF0123456789ABCDEF", "JSESSIONID=../../admin",
                "JSESSIONID=x; user=admin; roles=ADMIN")) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(web + "/admin/users"))
                    .header("Cookie", cookie).header("X-Forwarded-User", "admin").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(302);
            assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/signin"));
        }
        // And a bearer token, even a genuine one, is no way into the web interface: it signs nobody in.
        RSAPrivateKey ours = privateKey(TestStack.get().keys.privateKey());
        HttpResponse<String> bearer = http.send(HttpRequest.newBuilder(URI.create(web + "/admin/users"))
                .header("Authorization", "Bearer " + token(ours, "admin", Instant.now().plusSeconds(60))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(bearer.statusCode()).isEqualTo(302);
    }

    @Test
    void the_session_keeps_no_password() {
        assertThat(SignedInUser.class.getRecordComponents()).extracting(c -> c.getName()).containsExactly("username", "roles");
    }

    private int me(String service, String token) throws Exception {
        return get(service + "/api/users/me", token);
    }

    private int get(String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String token(RSAPrivateKey key, String user, Instant expires) throws Exception {
        return token(key, "web-ui", TestStack.AUDIENCE, user, expires);
    }

    private static String token(RSAPrivateKey key, String issuer, String audience, String user, Instant expires) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).audience(audience).subject(user).claim("preferred_username", user)
                .claim("roles", List.of(user.toUpperCase())).issueTime(Date.from(expires.minusSeconds(60)))
                .expirationTime(Date.from(expires)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static RSAPrivateKey privateKey(Path pem) throws Exception {
        try (InputStream in = Files.newInputStream(pem)) {
            return RsaKeyConverters.pkcs8().convert(in);
        }
    }
}
