package org.opcat.followup.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.opcat.followup.localrun.DemoClient;

/**
 * An analyst whose account an administrator disables while they are signed in is told so in their
 * language, and can sign out: no English message of a service, no dead end.
 */
class DisabledAccountTest {

    @Test
    void a_user_disabled_after_sign_in_is_told_so_and_can_sign_out() throws Exception {
        TestStack stack = TestStack.get();
        String name = "leaver" + UUID.randomUUID().toString().substring(0, 6);
        String password = "离职前的密码-" + name;
        new DemoClient(stack.commandUrl).post("admin", "/api/users",
                Map.of("username", name, "password", password, "roles", List.of("ANALYST")));

        try (Browser browser = new Browser(stack.webUrl, "zh")) {
            browser.open("/signin");
            browser.find(By.id("username")).sendKeys(name);
            browser.find(By.id("password")).sendKeys(password);
            browser.find(By.cssSelector("form button[type=submit]")).click();
            browser.waiting().until(d -> !d.getCurrentUrl().contains("/signin"));
            browser.open("/recommendations");
            assertThat(browser.heading()).isEqualTo("建议");

            disable(stack.commandUrl, name);

            browser.open("/recommendations");
            assertThat(browser.heading()).isEqualTo("您的账户已停用");
            String page = browser.find(By.tagName("main")).getText();
            assertThat(page).contains("系统管理员").doesNotContain("sign in", "service");
            browser.screenshot("disabled-01-account-refused-zh");
            browser.assertAccessible("account refused");

            browser.find(By.cssSelector("#account-refused-signout button")).click();
            browser.waiting().until(ExpectedConditions.urlContains("/signin"));
            assertThat(browser.find(By.tagName("main")).getText()).contains("您已退出");
        }
    }

    private static void disable(String commandUrl, String name) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(commandUrl + "/api/users/" + name + "/enabled"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("admin:admin-demo".getBytes(StandardCharsets.UTF_8)))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"enabled\": false}")).build();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }
}
