package org.opcat.followup.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.opcat.followup.localrun.RelayKeys;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** With command-service away, sign-in says the service is unreachable, not that the password is wrong. */
class SignInUnavailableTest {

    @Test
    void says_the_service_is_away() throws Exception {
        int nobody;
        try (ServerSocket socket = new ServerSocket(0)) {
            nobody = socket.getLocalPort();
        }
        RelayKeys pair = RelayKeys.in(Files.createTempDirectory("keys"));
        try (ConfigurableApplicationContext web = SpringApplication.run(WebUiApplication.class, "--server.port=0",
                "--followup.web.command-url=http://localhost:" + nobody, "--followup.web.query-url=http://localhost:" + nobody,
                "--followup.web.signing-key=" + pair.privateKeyLocation(), "--spring.main.banner-mode=off")) {
            String base = "http://localhost:" + ((WebServerApplicationContext) web).getWebServer().getPort();
            HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL).build();
            String page = http.send(HttpRequest.newBuilder(URI.create(base + "/signin")).build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
            assertThat(csrf.find()).isTrue();
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/signin"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=analyst&password=analyst-demo&_csrf=" + csrf.group(1))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.uri().toString()).endsWith("/signin?unavailable");
            assertThat(answer.body()).contains("cannot be checked right now");
        }
    }
}
