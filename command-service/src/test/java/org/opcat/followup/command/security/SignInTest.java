package org.opcat.followup.command.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opcat.followup.command.api.Api;
import org.opcat.followup.testsupport.FreshDatabase;
import org.opcat.followup.testsupport.MovableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/** Sign-in against the user register: throttling, disabled accounts, password and role changes. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@ContextConfiguration(initializers = FreshDatabase.class)
@Import({SignInTest.MovingTime.class, Api.class})
@ExtendWith(OutputCaptureExtension.class)
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
    @Autowired
    Environment environment;

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

    @Test
    void sixtyWrongPasswordsAtOnceHaveAtMostFiveCheckedAndTheRightOneAfterThemIsRefused() throws Exception {
        assertThat(api.as("admin").post("/api/users", Map.of("username", "target-burst", "password", "the right passphrase",
                "roles", List.of("ANALYST"))).status()).isEqualTo(201);
        ExecutorService pool = Executors.newFixedThreadPool(60);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                Api guess = api.withCredentials("target-burst", "wrong guess " + i);
                answers.add(pool.submit(() -> {
                    start.await();
                    return guess.get("/api/users/me").status();
                }));
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(401);
            }
        } finally {
            pool.shutdownNow();
        }
        // Every check is counted before it runs, so the lock stops the sixth however many arrive at once.
        assertThat(api.jdbc().queryForObject("SELECT failed_sign_ins FROM security.user_account WHERE username = 'target-burst'",
                Integer.class)).isEqualTo(5);
        assertThat(api.withCredentials("target-burst", "the right passphrase").get("/api/users/me").status()).isEqualTo(401);
    }

    @Test
    void aStrangerElsewhereDoesNotLockOutAClientAlreadySignedInButCannotGoOnGuessing() {
        assertThat(api.as("admin").post("/api/users", Map.of("username", "target-known", "password", "the right passphrase",
                "roles", List.of("ANALYST"))).status()).isEqualTo(201);
        Api client = api.withCredentials("target-known", "the right passphrase");
        assertThat(client.get("/api/users/me").status()).isEqualTo(200);

        int port = Integer.parseInt(environment.getProperty("local.server.port"));
        for (int i = 0; i < 10; i++) {
            assertThat(FromAnotherAddress.status(port, "/api/users/me", "target-known", "guess-" + i)).isEqualTo(401);
        }
        // The stranger's address is locked out of that account, even with the right password...
        assertThat(FromAnotherAddress.status(port, "/api/users/me", "target-known", "the right passphrase")).isEqualTo(401);
        // ...the client that signed in from its own address goes on working...
        assertThat(client.get("/api/users/me").status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(6)); // past the moments a verified password is remembered
        assertThat(client.get("/api/users/me").status()).isEqualTo(200);
        // ...and its own address has a limit of its own.
        for (int i = 0; i < 5; i++) {
            assertThat(api.withCredentials("target-known", "guess-" + i).get("/api/users/me").status()).isEqualTo(401);
        }
        assertThat(client.get("/api/users/me").status()).isEqualTo(401);
    }

    @Test
    void unknownDisabledAndLockedAccountsAreRefusedNoFasterThanAWrongPassword() {
        for (String name : List.of("timing-wrong", "timing-disabled", "timing-locked")) {
            assertThat(api.as("admin").post("/api/users", Map.of("username", name, "password", "the right passphrase",
                    "roles", List.of("ANALYST"))).status()).isEqualTo(201);
        }
        // Signed in before being disabled: its right password is remembered, and must not make the refusal quick.
        assertThat(api.withCredentials("timing-disabled", "the right passphrase").get("/api/users/me").status()).isEqualTo(200);
        assertThat(api.as("admin").put("/api/users/timing-disabled/enabled", Map.of("enabled", false)).status()).isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            assertThat(api.withCredentials("timing-locked", "guess-" + i).get("/api/users/me").status()).isEqualTo(401);
        }
        for (int i = 0; i < 3; i++) { // warming up
            assertThat(api.withCredentials("timing-nobody", "guess").get("/api/users/me").status()).isEqualTo(401);
        }

        int[] attempt = {0};
        long wrong = medianMillis(4, () -> api.withCredentials("timing-wrong", "guess-" + attempt[0]++).get("/api/users/me").status());
        long unknown = medianMillis(5, () -> api.withCredentials("timing-nobody", "guess").get("/api/users/me").status());
        long disabled = medianMillis(5, () -> api.withCredentials("timing-disabled", "the right passphrase").get("/api/users/me").status());
        long locked = medianMillis(5, () -> api.withCredentials("timing-locked", "the right passphrase").get("/api/users/me").status());
        // A tolerant bound: a refusal without a password check takes a few milliseconds, a check tens of them.
        assertThat(unknown).as("unknown user, vs wrong password %d ms", wrong).isGreaterThanOrEqualTo(wrong / 2);
        assertThat(disabled).as("disabled user, vs wrong password %d ms", wrong).isGreaterThanOrEqualTo(wrong / 2);
        assertThat(locked).as("locked user, vs wrong password %d ms", wrong).isGreaterThanOrEqualTo(wrong / 2);
    }

    @Test
    void aUserNameCannotForgeALogLine(CapturedOutput output) {
        String forger = "mallory\r\nFAKE LINE 2026-11-26 ERROR someone else\u001b[2J\u0085NEL LINE";
        assertThat(api.withCredentials(forger, "a wrong password").get("/api/users/me").status()).isEqualTo(401);
        assertThat(output.getOut()).contains("failed sign-in for user mallory\\r\\nFAKE LINE");
        assertThat(output.getOut().lines()).noneMatch(line -> line.startsWith("FAKE LINE") || line.startsWith("NEL LINE"));
        assertThat(output.getOut()).doesNotContain("\u001b[2J").doesNotContain("\u0085");
    }

    private static long medianMillis(int times, IntSupplier refusedAttempt) {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            long start = System.nanoTime();
            assertThat(refusedAttempt.getAsInt()).isEqualTo(401);
            millis.add((System.nanoTime() - start) / 1_000_000);
        }
        millis.sort(null);
        return millis.get(times / 2);
    }
}
