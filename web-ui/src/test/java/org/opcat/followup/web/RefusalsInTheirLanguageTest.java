package org.opcat.followup.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A form the API refuses comes back with the API's objection in the page's language: the web
 * interface asks the services for the page's language, and they word their problems in it.
 */
class RefusalsInTheirLanguageTest {

    @Test
    void a_chinese_page_shows_the_refusal_in_chinese_and_an_english_page_in_english() throws Exception {
        assertThat(refusalOfAFutureIssueDate("zh")).contains("将来的日期").doesNotContain("in the future");
        assertThat(refusalOfAFutureIssueDate("en")).contains("in the future");
    }

    private static String refusalOfAFutureIssueDate(String language) throws Exception {
        try (Browser browser = new Browser(TestStack.get().webUrl, language)) {
            browser.signIn("analyst");
            browser.open("/recommendations/new?lang=" + language);
            browser.find(By.id("new-reference")).sendKeys("2026/未来-" + UUID.randomUUID().toString().substring(0, 6));
            browser.find(By.id("new-title")).sendKeys("保障被拘留者的通信权利");
            browser.find(By.id("new-text")).sendKeys("建议保障被拘留者与家属通信的权利。");
            new Select(browser.find(By.id("new-language"))).selectByValue("zh");
            WebElement firstAddressee = browser.find(By.cssSelector("fieldset input[type=checkbox]"));
            firstAddressee.click();
            WebElement issuedOn = browser.find(By.id("new-issuedOn"));
            // Typed keys depend on the browser's date format; the value is what the form sends.
            ((JavascriptExecutor) browser.driver).executeScript("arguments[0].value = arguments[1]", issuedOn,
                    LocalDate.now().plusDays(30).toString());
            browser.find(By.cssSelector("#new-recommendation button[type=submit]")).click();
            WebElement refusal = browser.waiting().until(
                    ExpectedConditions.visibilityOfElementLocated(By.id("new-issuedOn-error")));
            browser.screenshot("refusal-" + language);
            return refusal.getText();
        }
    }
}
