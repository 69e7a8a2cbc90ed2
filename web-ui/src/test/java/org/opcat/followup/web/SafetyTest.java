package org.opcat.followup.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.opcat.followup.localrun.DemoClient;

/** The browser-facing defences: session cookie flags, security headers, CSRF on every form, user text escaped. */
class SafetyTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void session_cookie_headers_and_csrf() throws Exception {
        String web = TestStack.get().webUrl;
        HttpResponse<String> page = get(web + "/signin");
        assertThat(page.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie -> assertThat(cookie)
                .contains("JSESSIONID=").contains("HttpOnly").contains("SameSite=Lax"));
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("script-src 'self'").contains("object-src 'none'").contains("frame-ancestors 'self'"));
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("SAMEORIGIN");

        // A form sent without its token (as a forged cross-site form would be) is refused.
        HttpResponse<String> forged = post(web + "/signin", Map.of("username", "analyst", "password", "analyst-demo"));
        assertThat(forged.statusCode()).isEqualTo(403);
        signIn(web, "analyst");
        String recommendation = firstRecommendation(web);
        HttpResponse<String> noToken = post(web + recommendation + "/assessments", Map.of("assessedOn", LocalDate.now().toString(),
                "status", "IN_PROGRESS", "basis", "forged"));
        assertThat(noToken.statusCode()).isEqualTo(403);
    }

    @Test
    void a_manager_cannot_record_even_with_a_valid_form_token() throws Exception {
        String web = TestStack.get().webUrl;
        signIn(web, "manager");
        String recommendation = firstRecommendation(web);
        String token = csrf(get(web + recommendation).body()); // the sign-out form's
        HttpResponse<String> refused = post(web + recommendation + "/assessments", Map.of("_csrf", token,
                "assessedOn", LocalDate.now().toString(), "status", "IN_PROGRESS", "basis", "a manager's opinion"));
        assertThat(refused.statusCode()).isEqualTo(403);
    }

    @Test
    void user_text_is_shown_as_text() throws Exception {
        TestStack stack = TestStack.get();
        UUID id = UUID.randomUUID();
        String hostile = "<img src=x onerror=alert(1)><script>alert(2)</script>";
        new DemoClient(stack.commandUrl).post("analyst", "/api/recommendations", Map.ofEntries(
                Map.entry("recommendationId", id), Map.entry("reference", "XSS-" + id.toString().substring(0, 8)),
                Map.entry("title", hostile), Map.entry("text", hostile), Map.entry("language", "en"),
                Map.entry("issuedOn", LocalDate.now().toString()), Map.entry("source", Map.of("kind", "OTHER")),
                Map.entry("addresseeAuthorityIds", List.of(UUID.nameUUIDFromBytes("demo:authority:justice".getBytes(StandardCharsets.UTF_8)))),
                Map.entry("themes", List.of()), Map.entry("scope", "SYSTEMIC"), Map.entry("priority", "NORMAL"),
                Map.entry("confidential", false)));
        signIn(stack.webUrl, "analyst");
        String page = get(stack.webUrl + "/recommendations/" + id + "?minVersion=1").body();
        assertThat(page).doesNotContain(hostile).contains("&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(2)&lt;/script&gt;");
    }

    private void signIn(String web, String user) throws Exception {
        String token = csrf(get(web + "/signin").body());
        HttpResponse<String> signedIn = post(web + "/signin", Map.of("username", user, "password", user + "-demo", "_csrf", token));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
    }

    private String firstRecommendation(String web) throws Exception {
        Matcher link = Pattern.compile("href=\"(/recommendations/[0-9a-f-]{36})\"").matcher(get(web + "/recommendations").body());
        assertThat(link.find()).isTrue();
        return link.group(1);
    }

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("a CSRF token in the form").isTrue();
        return m.group(1);
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String url, Map<String, String> form) throws Exception {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }
}
