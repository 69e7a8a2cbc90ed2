package org.opcat.followup.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The browser's language chooses first; the switch on every page changes it, and the choice is kept. */
class LanguageTest {

    @Test
    void browser_language_chooses_the_default() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String signIn = TestStack.get().webUrl + "/signin";
        String chinese = http.send(HttpRequest.newBuilder(URI.create(signIn)).header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5").build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String english = http.send(HttpRequest.newBuilder(URI.create(signIn)).header("Accept-Language", "fr-FR,en;q=0.5").build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(chinese).contains("<html lang=\"zh\"").contains("<h1>登录</h1>");
        assertThat(english).contains("<html lang=\"en\"").contains("<h1>Sign in</h1>");
    }

    @Test
    void the_language_asked_for_before_sign_in_reaches_the_sign_in_page() throws Exception {
        HttpClient fresh = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<String> page = fresh.send(HttpRequest.newBuilder(URI.create(TestStack.get().webUrl + "/?lang=zh"))
                .header("Accept-Language", "en").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.uri().getPath()).isEqualTo("/signin");
        assertThat(page.body()).contains("<html lang=\"zh\"").contains("<h1>登录</h1>");
    }

    @Test
    void a_language_we_do_not_have_is_ignored_in_the_address_and_in_the_cookie() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> asked = http.send(HttpRequest.newBuilder(URI.create(TestStack.get().webUrl + "/signin?lang=xx"))
                .header("Accept-Language", "zh").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("followup-lang="));
        assertThat(asked.body()).contains("<h1>登录</h1>").doesNotContain("??");

        HttpResponse<String> oldCookie = http.send(HttpRequest.newBuilder(URI.create(TestStack.get().webUrl + "/signin"))
                .header("Cookie", "followup-lang=xx").header("Accept-Language", "en").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(oldCookie.statusCode()).isEqualTo(200);
        assertThat(oldCookie.body()).contains("<h1>Sign in</h1>").doesNotContain("??");
    }

    @Test
    void every_page_has_its_icon() throws Exception {
        HttpResponse<byte[]> icon = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(TestStack.get().webUrl + "/favicon.ico")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.body()).startsWith(0, 0, 1, 0); // an ICO file's header
    }

    @Test
    void the_switch_changes_texts_and_dates_and_is_kept() throws Exception {
        try (Browser browser = new Browser(TestStack.get().webUrl, "en")) {
            browser.open("/signin");
            assertThat(browser.heading()).isEqualTo("Sign in");
            browser.find(By.linkText("中文")).click();
            browser.waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "登录"));
            browser.assertAccessible("sign-in page in Chinese");
            browser.screenshot("language-01-signin-zh");

            browser.signIn("analyst");
            assertThat(browser.heading()).isEqualTo("建议");
            assertThat(browser.find(By.cssSelector("table.results tbody tr td.nowrap")).getText()).matches("\\d{4}年\\d{1,2}月\\d{1,2}日");
            browser.screenshot("language-02-list-zh");
            browser.assertAccessible("list in Chinese");

            browser.open("/dashboard");
            assertThat(browser.heading()).isEqualTo("概况");
            browser.find(By.cssSelector("table.results, .charts")); // rendered
            browser.screenshot("language-03-dashboard-zh");

            browser.find(By.linkText("English")).click();
            browser.waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "Dashboard"));
            browser.open("/recommendations");
            assertThat(browser.heading()).isEqualTo("Recommendations");
            assertThat(browser.find(By.cssSelector("table.results tbody tr td.nowrap")).getText()).matches("[A-Z][a-z]{2} \\d{1,2}, \\d{4}");
        }
    }
}
