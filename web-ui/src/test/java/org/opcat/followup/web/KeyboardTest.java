package org.opcat.followup.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Everything reachable without a mouse: sign in, skip to the content, open a form, add a measure row. */
class KeyboardTest {

    @Test
    void an_analyst_works_with_the_keyboard_alone() throws Exception {
        try (Browser browser = new Browser(TestStack.get().webUrl, "en")) {
            browser.open("/signin");
            // The user name field has the focus; type, Tab, type, Enter.
            new Actions(browser.driver).sendKeys("analyst").sendKeys(Keys.TAB).sendKeys("analyst-demo").sendKeys(Keys.ENTER).perform();
            browser.waiting().until(ExpectedConditions.urlContains("/recommendations"));

            // The first Tab reaches the skip link, which leads past the navigation.
            browser.find(By.tagName("body")).sendKeys(Keys.TAB);
            assertThat(focused(browser).getText()).isEqualTo("Skip to content");
            focused(browser).sendKeys(Keys.ENTER);
            assertThat(browser.driver.getCurrentUrl()).endsWith("#main");

            // Open an open recommendation from its link, then its action plan form from the summary.
            browser.open("/recommendations?open=true");
            WebElement first = browser.find(By.cssSelector("table.results tbody tr td a"));
            first.sendKeys(Keys.ENTER);
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("timeline-heading")));
            WebElement summary = browser.find(By.cssSelector("#form-action-plans-details summary"));
            summary.sendKeys(Keys.ENTER);
            assertThat(browser.find(By.id("form-action-plans-details")).getAttribute("open")).isNotNull();
            browser.find(By.cssSelector(".add-measure")).sendKeys(Keys.ENTER);
            browser.waiting().until(d -> "measure-1-description".equals(focused(browser).getAttribute("id")));
            // Removing the row puts the focus back into the form, not on the page's start.
            browser.find(By.cssSelector("#measures .measure:last-child .remove-measure")).sendKeys(Keys.ENTER);
            assertThat(browser.all(By.id("measure-1-description"))).isEmpty();
            assertThat(focused(browser).getAttribute("id")).isEqualTo("measure-0-description");
        }
    }

    private static WebElement focused(Browser browser) {
        return browser.driver.switchTo().activeElement();
    }
}
