package org.opcat.followup.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * An analyst signs in, enters a recommendation in Chinese, records the authority's response and
 * its action plan (two measures, the second added with htmx), sees an error of the API beside the
 * field it concerns, and finds it all in the list and the timeline, recorded under their name.
 */
class AnalystRecordsTest {

    private static Browser browser;

    @BeforeAll
    static void signIn() throws Exception {
        TestStack stack = TestStack.get();
        browser = new Browser(stack.webUrl, "en");
        browser.signIn("analyst");
    }

    @AfterAll
    static void close() throws Exception {
        browser.close();
    }

    @Test
    void records_a_chinese_recommendation_its_response_and_action_plan() throws Exception {
        String reference = "2026/测试-" + UUID.randomUUID().toString().substring(0, 6);
        LocalDate today = LocalDate.now();

        browser.open("/recommendations/new");
        browser.assertAccessible("new recommendation");
        browser.find(By.id("new-reference")).sendKeys(reference);
        browser.find(By.id("new-title")).sendKeys("保障单独关押人员每日户外活动不少于一小时");
        browser.find(By.id("new-text")).sendKeys("国家预防机制查访发现，单独关押人员长期无法到户外活动。建议保障每日户外活动不少于一小时。");
        new Select(browser.find(By.id("new-language"))).selectByValue("zh");
        WebElement prisons = browser.find(By.xpath("//fieldset//label[text()='司法部监狱管理局']"));
        browser.find(By.id(prisons.getAttribute("for"))).click();
        new Select(browser.find(By.id("new-placeId"))).selectByVisibleText("市第一监狱 (华东)");
        browser.find(By.id("new-themes")).sendKeys("户外活动, solitary-confinement");
        new Select(browser.find(By.id("new-priority"))).selectByValue("HIGH");
        browser.screenshot("analyst-01-new-recommendation");
        browser.find(By.cssSelector("#new-recommendation button[type=submit]")).click();

        browser.waiting().until(ExpectedConditions.urlContains("minVersion="));
        assertThat(browser.heading()).contains(reference).contains("保障单独关押人员");
        assertThat(browser.find(By.cssSelector(".notice.success")).getText()).isEqualTo("The recommendation is recorded.");
        String page = browser.driver.getCurrentUrl().replaceAll("\\?.*", "");

        // A response dated tomorrow: the API refuses, and says so beside the date.
        openForm("responses");
        browser.find(By.id("form-responses-receivedOn")).clear();
        browser.find(By.id("form-responses-receivedOn")).sendKeys(dateKeys(today.plusDays(1)));
        new Select(browser.find(By.id("form-responses-position"))).selectByValue("PARTIALLY_ACCEPTED");
        browser.find(By.id("form-responses-text")).sendKeys("监狱管理局同意在本年度内改造放风场，并调整作息时间。");
        browser.find(By.cssSelector("#form-responses button[type=submit]")).click();
        WebElement dateError = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("form-responses-receivedOn-error")));
        assertThat(dateError.getText()).isNotBlank();
        assertThat(browser.find(By.id("form-responses-text")).getAttribute("value")).contains("改造放风场");
        browser.screenshot("analyst-02-response-refused");
        browser.assertAccessible("recommendation with a refused form");

        browser.find(By.id("form-responses-receivedOn")).clear();
        browser.find(By.id("form-responses-receivedOn")).sendKeys(dateKeys(today));
        browser.find(By.cssSelector("#form-responses button[type=submit]")).click();
        browser.waiting().until(ExpectedConditions.textToBe(By.cssSelector(".notice.success"), "The response is recorded."));
        assertThat(browser.find(By.id("responses-heading")).isDisplayed()).isTrue();

        // The action plan: two measures, the second row added by htmx.
        openForm("action-plans");
        browser.find(By.id("measure-0-description")).sendKeys("改造第三监区放风场");
        browser.find(By.id("measure-0-unit")).sendKeys("基建处");
        browser.find(By.id("measure-0-target")).sendKeys(dateKeys(today.plusMonths(3)));
        browser.find(By.cssSelector(".add-measure")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("measure-1-description")));
        browser.find(By.id("measure-1-description")).sendKeys("调整作息时间表，保障每日一小时户外活动");
        browser.find(By.id("measure-1-unit")).sendKeys("狱政管理处");
        browser.find(By.id("measure-1-target")).sendKeys(dateKeys(today.plusMonths(1)));
        browser.screenshot("analyst-03-action-plan-form");
        browser.find(By.cssSelector("#form-action-plans button[type=submit]")).click();
        browser.waiting().until(ExpectedConditions.textToBe(By.cssSelector(".notice.success"), "The action plan is recorded."));

        assertThat(browser.find(By.id("plans-heading")).getText()).isEqualTo("Action plans");
        assertThat(browser.find(By.cssSelector(".record table")).getText()).contains("改造第三监区放风场", "狱政管理处");
        assertThat(browser.find(By.cssSelector(".badge.stage")).getText()).isEqualTo("Stage: Action plan filed");
        List<WebElement> timeline = browser.all(By.cssSelector(".timeline li"));
        assertThat(timeline).hasSize(3);
        assertThat(timeline.get(0).getText()).contains("Issued").contains("recorded by analyst");
        assertThat(timeline.get(1).getText()).contains("Response received").contains("recorded by analyst");
        assertThat(timeline.get(2).getText()).contains("Action plan filed").contains("recorded by analyst");
        // Reopening is offered only once implemented or withdrawn.
        assertThat(browser.all(By.id("form-reopening"))).isEmpty();
        assertThat(browser.all(By.id("form-withdrawal"))).hasSize(1);
        browser.screenshot("analyst-04-recommendation-page");
        browser.assertAccessible("recommendation page");

        // The list finds it by a Chinese word of its text, with its stage.
        browser.open("/recommendations?q=户外活动");
        WebElement row = browser.find(By.xpath("//table[contains(@class,'results')]//tr[td/a[text()='" + reference + "']]"));
        assertThat(row.getText()).contains("Action plan filed", "High");
        browser.screenshot("analyst-05-list-search");
        browser.assertAccessible("filtered list");
        assertThat(page).contains("/recommendations/");
    }

    @Test
    void an_implemented_recommendation_offers_only_reopening() throws Exception {
        browser.open("/recommendations?stage=IMPLEMENTED");
        browser.find(By.cssSelector("table.results tbody tr td a")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("record-heading")));
        assertThat(browser.all(By.cssSelector(".recording form"))).extracting(f -> f.getAttribute("id"))
                .containsExactly("form-reopening");
    }

    private static void openForm(String kind) {
        WebElement details = browser.find(By.id("form-" + kind + "-details"));
        if (details.getAttribute("open") == null) {
            details.findElement(By.tagName("summary")).click();
        }
    }

    /** What one types into Chromium's date field in an en-US profile: month, day, year. */
    private static String dateKeys(LocalDate date) {
        return String.format("%02d%02d%04d", date.getMonthValue(), date.getDayOfMonth(), date.getYear());
    }
}
