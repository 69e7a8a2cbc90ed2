package org.opcat.followup.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** An administrator registers an authority and adds a user; the API's objections show beside the fields. */
class AdminTest {

    private static Browser browser;

    @BeforeAll
    static void signIn() throws Exception {
        browser = new Browser(TestStack.get().webUrl, "en");
        browser.signIn("admin");
    }

    @AfterAll
    static void close() throws Exception {
        browser.close();
    }

    @Test
    void registers_an_authority() throws Exception {
        browser.open("/admin/registers");
        browser.assertAccessible("registers");
        browser.find(By.cssSelector("section[aria-labelledby=authorities-heading] summary")).click();
        // Nothing typed: the API says what is missing, beside each field.
        browser.find(By.cssSelector("form[action$='/admin/authorities'] button[type=submit]")).click();
        WebElement nameError = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("authority-name-error")));
        assertThat(nameError.getText()).isNotBlank();
        browser.assertAccessible("registers with a refused form");

        browser.find(By.id("authority-name")).sendKeys("省监狱管理局");
        new Select(browser.find(By.id("authority-kind"))).selectByValue("DETENTION_ADMINISTRATION");
        new Select(browser.find(By.id("authority-parentAuthorityId"))).selectByVisibleText("司法部");
        browser.find(By.cssSelector("form[action$='/admin/authorities'] button[type=submit]")).click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice.success"), "省监狱管理局"));
        browser.screenshot("admin-01-registers");
    }

    @Test
    void adds_a_user_and_changes_roles() throws Exception {
        String name = "analyst-" + UUID.randomUUID().toString().substring(0, 6);
        browser.open("/admin/users");
        browser.assertAccessible("users");
        browser.find(By.id("user-username")).sendKeys(name);
        browser.find(By.id("user-password")).sendKeys("a long enough passphrase 2026");
        browser.find(By.id("new-role-ANALYST")).click();
        browser.find(By.cssSelector("form[action$='/admin/users'] button[type=submit]")).click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice.success"), name));
        WebElement row = browser.find(By.xpath("//table[contains(@class,'users')]//tr[th='" + name + "']"));
        assertThat(row.findElement(By.cssSelector("input[value=ANALYST]")).isSelected()).isTrue();
        row.findElement(By.cssSelector("input[value=MANAGER]")).click();
        row.findElement(By.cssSelector("form[action$='/roles'] button")).click();
        browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice.success"), "Roles of " + name));
        row = browser.find(By.xpath("//table[contains(@class,'users')]//tr[th='" + name + "']"));
        assertThat(row.findElement(By.cssSelector("input[value=MANAGER]")).isSelected()).isTrue();
        browser.screenshot("admin-02-users");
    }

    @Test
    void user_problems_show_once_beside_their_field_with_the_password_rule_there_before_any_refusal() throws Exception {
        try (Browser zh = new Browser(TestStack.get().webUrl, "zh")) {
            zh.signIn("admin");
            zh.open("/admin/users");
            // The rule is there before anyone is refused, tied to the field.
            WebElement password = zh.find(By.id("user-password"));
            WebElement rule = zh.find(By.id(password.getAttribute("aria-describedby")));
            assertThat(rule.getText()).contains("12 至 72 个字节");
            // Role names a reader cannot mix up.
            assertThat(zh.all(By.cssSelector("fieldset.checkboxes label"))).extracting(WebElement::getText)
                    .containsExactlyInAnyOrder("系统管理员", "分析员", "负责人", "报告编写人");

            zh.find(By.id("user-username")).sendKeys("short-" + UUID.randomUUID().toString().substring(0, 6));
            password.sendKeys("short");
            zh.find(By.id("new-role-ANALYST")).click();
            zh.find(By.cssSelector("form[action$='/admin/users'] button[type=submit]")).click();
            WebElement error = zh.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("user-password-error")));
            assertThat(error.getText()).isNotBlank();
            String notice = zh.find(By.cssSelector(".notice.error")).getText();
            assertThat(notice).contains("请查看下方标出的栏目").doesNotContain(error.getText());
            assertThat(zh.find(By.id("user-password")).getAttribute("aria-describedby")).contains("user-password-error");

            // A refused new password of an existing user: beside that user's password field.
            WebElement row = zh.find(By.xpath("//table[contains(@class,'users')]//tr[th='reporter']"));
            row.findElement(By.cssSelector("input[type=password]")).sendKeys("short");
            row.findElement(By.cssSelector("form[action$='/password'] button")).click();
            row = zh.waiting().until(ExpectedConditions.presenceOfElementLocated(
                    By.xpath("//table[contains(@class,'users')]//tr[th='reporter']")));
            assertThat(row.findElement(By.cssSelector(".field-error")).getText()).isNotBlank();
            assertThat(zh.all(By.cssSelector(".notice.error"))).isEmpty();
            zh.screenshot("admin-03-users-refused-zh");
            zh.assertAccessible("users with a refused password");
        }
    }
}
