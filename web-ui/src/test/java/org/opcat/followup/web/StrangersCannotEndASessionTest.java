package org.opcat.followup.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Anyone can type wrong passwords for a user's name, and enough of them lock that account's
 * password sign-in; a user already signed in to the web interface works on, since the pages reach
 * the services with relayed tokens, not with the password.
 */
class StrangersCannotEndASessionTest {

    private static final String USER = "session-keeper";
    private static final String PASSWORD = "a long enough passphrase";

    @Test
    void a_burst_of_wrong_passwords_for_a_signed_in_user_does_not_end_their_session() throws Exception {
        TestStack stack = TestStack.get();
        HttpClient anyone = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        // A user of its own, so that its lock disturbs no other test.
        HttpResponse<String> created = anyone.send(HttpRequest.newBuilder(URI.create(stack.commandUrl + "/api/users"))
                .header("Authorization", basic("admin", "admin-demo")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + USER + "\",\"password\":\"" + PASSWORD
                        + "\",\"roles\":[\"ANALYST\"]}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(201);

        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String signInPage = browser.send(HttpRequest.newBuilder(URI.create(stack.webUrl + "/signin")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(signInPage);
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(stack.webUrl + "/signin"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + USER + "&password=" + form(PASSWORD) + "&_csrf="
                        + form(csrf.group(1)))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        assertThat(page(browser, stack.webUrl + "/recommendations")).isEqualTo(200);

        // The stranger types from elsewhere (127.0.0.2), so the account itself is locked.
        int commandPort = URI.create(stack.commandUrl).getPort();
        for (int i = 0; i < 12; i++) {
            assertThat(fromElsewhere(commandPort, USER, "guess-" + i)).isEqualTo(401);
        }
        assertThat(fromElsewhere(commandPort, USER, PASSWORD)).as("password sign-in is locked").isEqualTo(401);

        assertThat(page(browser, stack.webUrl + "/recommendations")).as("the open session").isEqualTo(200);
        assertThat(page(browser, stack.webUrl + "/dashboard")).isEqualTo(200);
    }

    /**
     * A sign-in from another address of this machine: Java 17's HttpClient cannot choose the
     * address it connects from, so the request line goes by hand over a socket bound to it.
     */
    private static int fromElsewhere(int port, String user, String password) throws Exception {
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName("127.0.0.2"), 0)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/users/me HTTP/1.1\r\nHost: localhost:" + port + "\r\nAuthorization: " + basic(user, password)
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    private static int page(HttpClient browser, String url) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
