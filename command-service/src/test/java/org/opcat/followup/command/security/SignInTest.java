package org.opcat.followup.command.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opcat.followup.command.api.Api;
import org.opcat.followup.testsupport.FreshDatabase;
import org.opcat.followup.testsupport.MovableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/** Sign-in against the user register: throttling, disabled accounts, password and role changes. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@ContextConfiguration(initializers = FreshDatabase.class)
@Import({SignInTest.MovingTime.class, Api.class})
class SignInTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class MovingTime {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock(Instant.parse("2026-11-26T10:00:00Z"));
        }
    }

    @Autowired
    Api api;
    @Autowired
    MovableClock clock;

    @Test
    void repeatedWrongPasswordsLockThatUserForAWhileAndNobodyElse() {
        for (int i = 0; i < 5; i++) {
            assertThat(api.withCredentials("analyst", "guess-" + i).get("/api/users/analyst").status()).isEqualTo(401);
        }
        // Locked now: even the right password is refused, with the same answer as a wrong one.
        var locked = api.as("analyst").put("/api/users/me/password", Map.of("currentPassword", "x", "newPassword", "y"));
        assertThat(locked.status()).isEqualTo(401);
        assertThat(locked.contentType()).startsWith("application/problem+json");
        // Other users are not affected.
        assertThat(api.as("admin").get("/api/users/analyst").status()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(14));
        assertThat(api.as("analyst").put("/api/users/me/password", Map.of("currentPassword", "x", "newPassword", "y"))
                .status()).isEqualTo(401);
        clock.advance(Duration.ofMinutes(2));
        assertThat(api.as("analyst").put("/api/users/me/password", Map.of("currentPassword", "x", "newPassword", "y"))
                .status()).isEqualTo(409); // signed in; the current password given is wrong
    }

    @Test
    void aRightPasswordResetsTheCountOfWrongOnes() {
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 4; i++) {
                assertThat(api.withCredentials("reporter", "guess-" + i).get("/api/users/me").status()).isEqualTo(401);
            }
            assertThat(api.as("reporter").get("/api/users/me").status()).as("round " + round).isEqualTo(200);
            assertThat(api.as("reporter").get("/api/users/me").status()).as("nothing to reset: no write").isEqualTo(200);
        }
        assertThat(api.jdbc().queryForObject("SELECT failed_sign_ins FROM security.user_account WHERE username = 'reporter'",
                Integer.class)).isZero();
    }

    @Test
    void anAdministratorManagesUsers() {
        var created = api.as("admin").post("/api/users", Map.of("username", "analyst-wang", "password", "长城长城长城长城",
                "roles", List.of("ANALYST")));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body()).doesNotContain("password").doesNotContain("bcrypt");
        Api wang = api.withCredentials("analyst-wang", "长城长城长城长城");
        var me = wang.get("/api/users/me").json();
        assertThat(me.get("username").asText()).isEqualTo("analyst-wang");
        assertThat(me.get("roles").toString()).isEqualTo("[\"ANALYST\"]");
        assertThat(wang.get("/api/users").status()).isEqualTo(403); // signed in, not an administrator

        assertThat(api.as("admin").put("/api/users/analyst-wang/roles", Map.of("roles", List.of("ADMIN"))).status())
                .isEqualTo(200);
        assertThat(wang.get("/api/users").status()).isEqualTo(200);

        assertThat(api.as("admin").put("/api/users/analyst-wang/enabled", Map.of("enabled", false)).status()).isEqualTo(200);
        assertThat(wang.get("/api/users").status()).isEqualTo(401);
        assertThat(api.as("admin").put("/api/users/analyst-wang/enabled", Map.of("enabled", true)).status()).isEqualTo(200);

        assertThat(api.as("admin").put("/api/users/analyst-wang/password", Map.of("password", "short")).status()).isEqualTo(400);
        assertThat(api.as("admin").put("/api/users/analyst-wang/password", Map.of("password", "a new long passphrase"))
                .status()).isEqualTo(204);
        assertThat(wang.get("/api/users").status()).isEqualTo(401);
        assertThat(api.withCredentials("analyst-wang", "a new long passphrase").get("/api/users").status()).isEqualTo(200);

        assertThat(api.as("admin").post("/api/users", Map.of("username", "analyst-wang", "password", "another passphrase",
                "roles", List.of("ANALYST"))).status()).isEqualTo(409);
        assertThat(api.as("admin").put("/api/users/nobody/roles", Map.of("roles", List.of("ANALYST"))).status()).isEqualTo(404);
        assertThat(api.as("admin").post("/api/users", Map.of("username", "x y", "password", "a long passphrase",
                "roles", List.of("WIZARD"))).status()).isEqualTo(400);
    }

    @Test
    void everyUserChangesTheirOwnPassword() {
        var created = api.as("admin").post("/api/users", Map.of("username", "manager-zhao", "password", "first passphrase",
                "roles", List.of("MANAGER")));
        assertThat(created.status()).isEqualTo(201);
        Api zhao = api.withCredentials("manager-zhao", "first passphrase");
        assertThat(zhao.put("/api/users/me/password", Map.of("currentPassword", "first passphrase",
                "newPassword", "second passphrase")).status()).isEqualTo(204);
        assertThat(api.withCredentials("manager-zhao", "second passphrase").put("/api/users/me/password",
                Map.of("currentPassword", "wrong", "newPassword", "third passphrase")).status()).isEqualTo(409);
    }
}
