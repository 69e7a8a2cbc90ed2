package org.opcat.followup.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A manager sees the dashboard, opens the list behind a bar by clicking it, reads recommendations
 * without any recording form, and prepares a meeting with an authority.
 */
class ManagerTest {

    private static Browser browser;

    @BeforeAll
    static void signIn() throws Exception {
        browser = new Browser(TestStack.get().webUrl, "en");
        browser.signIn("manager");
    }

    @AfterAll
    static void close() throws Exception {
        browser.close();
    }

    @Test
    void dashboard_bars_open_the_list_they_count() throws Exception {
        browser.open("/dashboard");
        assertThat(browser.heading()).isEqualTo("Dashboard");
        browser.waiting().until(d -> ((JavascriptExecutor) d).executeScript(
                "return typeof Chart !== 'undefined' && Chart.getChart(document.getElementById('byStage-chart')) !== undefined"));
        assertThat(browser.all(By.cssSelector("canvas[data-chart]"))).hasSize(4);
        browser.screenshot("manager-01-dashboard");
        browser.assertAccessible("dashboard");

        // Click the bar of the first stage where the chart drew it.
        WebElement canvas = browser.find(By.id("byStage-chart"));
        @SuppressWarnings("unchecked")
        Map<String, Number> bar = (Map<String, Number>) ((JavascriptExecutor) browser.driver).executeScript("""
                const chart = Chart.getChart(arguments[0]);
                const element = chart.getDatasetMeta(0).data[0];
                const base = element.base, y = element.y;
                return {x: element.x, y: (y + base) / 2, width: arguments[0].clientWidth, height: arguments[0].clientHeight,
                        value: chart.data.datasets[0].data[0]};
                """, canvas);
        int dx = (int) (bar.get("x").doubleValue() - bar.get("width").doubleValue() / 2);
        int dy = (int) (bar.get("y").doubleValue() - bar.get("height").doubleValue() / 2);
        new Actions(browser.driver).moveToElement(canvas, dx, dy).click().perform();
        browser.waiting().until(ExpectedConditions.urlContains("stage=AWAITING_RESPONSE"));
        assertThat(browser.find(By.cssSelector("#results .count")).getText()).isEqualTo(bar.get("value").intValue() + " recommendations");
        assertThat(new org.openqa.selenium.support.ui.Select(browser.find(By.id("stage"))).getFirstSelectedOption().getText())
                .isEqualTo("Awaiting response");
        assertThat(browser.all(By.cssSelector("table.results tbody tr"))).isNotEmpty()
                .allSatisfy(row -> assertThat(row.getText()).contains("Awaiting response"));
        browser.screenshot("manager-02-list-from-bar");
        browser.assertAccessible("list");

        // Another facet: htmx refreshes the results and the address, so the view stays bookmarkable.
        new org.openqa.selenium.support.ui.Select(browser.find(By.id("priority"))).selectByValue("URGENT");
        browser.waiting().until(ExpectedConditions.urlContains("priority=URGENT"));
        browser.waiting().until(d -> d.findElements(By.cssSelector("table.results tbody tr")).stream()
                .allMatch(row -> row.getText().contains("Urgent")));
        String bookmark = browser.driver.getCurrentUrl();
        // The language switch follows the view (htmx swaps it along with the results).
        assertThat(browser.find(By.linkText("中文")).getAttribute("href")).contains("priority=URGENT").contains("lang=zh");
        assertThat(bookmark).contains("stage=AWAITING_RESPONSE");
        int shown = browser.all(By.cssSelector("table.results tbody tr")).size();
        browser.driver.get(bookmark);
        assertThat(browser.all(By.cssSelector("table.results tbody tr"))).hasSize(shown);

        // An authority's bar counts what its list shows: addressed to it or to the bodies it supervises.
        browser.open("/dashboard");
        WebElement justice = browser.find(By.xpath("//section[.//canvas[@id='byAuthority-chart']]//table//a[text()='司法部']"));
        String counted = justice.findElement(By.xpath("../../td[2]")).getAttribute("textContent").strip();
        browser.open(justice.getAttribute("href").replaceFirst("^https?://[^/]+", ""));
        assertThat(browser.find(By.cssSelector("#results .count")).getText()).isEqualTo(counted + " recommendations");
    }

    @Test
    void reads_a_recommendation_without_recording_forms() throws Exception {
        browser.open("/recommendations?sort=issuedOn,asc");
        browser.find(By.cssSelector("table.results tbody tr td a")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("timeline-heading")));
        assertThat(browser.all(By.cssSelector(".timeline li"))).isNotEmpty();
        assertThat(browser.all(By.tagName("form"))).as("only the sign-out form").hasSize(1);
        assertThat(browser.all(By.id("record-heading"))).isEmpty();
        assertThat(browser.all(By.linkText("New recommendation"))).isEmpty();
        browser.assertAccessible("recommendation read by a manager");

        browser.open("/authorities");
        browser.assertAccessible("authorities");
        browser.find(By.linkText("司法部监狱管理局")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("figures-heading")));
        assertThat(browser.heading()).contains("司法部监狱管理局");
        browser.screenshot("manager-03-dialogue");
        browser.assertAccessible("authority dialogue");

        // On paper: no navigation, no buttons, the figures and the open recommendations only.
        ChromeDriver chrome = (ChromeDriver) browser.driver;
        chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        assertThat(browser.find(By.cssSelector(".site-header")).isDisplayed()).isFalse();
        assertThat(browser.find(By.cssSelector("button.print")).isDisplayed()).isFalse();
        assertThat(browser.find(By.id("figures-heading")).isDisplayed()).isTrue();
        browser.screenshot("manager-04-dialogue-print");
        chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
    }
}
