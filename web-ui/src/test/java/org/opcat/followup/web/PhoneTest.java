package org.opcat.followup.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * An analyst works from a phone (390 CSS pixels wide): no page scrolls sideways, the list is one
 * card per recommendation, and its filters fold away behind one button so the first result is on
 * the first screen.
 */
class PhoneTest {

    private static Browser browser;
    private static boolean signInScrollsSideways;

    @BeforeAll
    static void onAPhone() throws Exception {
        browser = new Browser(TestStack.get().webUrl, "zh");
        browser.phone();
        browser.open("/signin");
        signInScrollsSideways = browser.scrollsSideways();
        browser.signIn("analyst");
    }

    @AfterAll
    static void close() throws Exception {
        browser.close();
    }

    @Test
    void the_list_is_cards_under_folded_filters() throws Exception {
        browser.phone();
        browser.open("/recommendations");
        WebElement fold = browser.find(By.cssSelector("details.more-filters"));
        assertThat(fold.getAttribute("open")).isNull();
        assertThat(browser.find(By.id("stage")).isDisplayed()).isFalse();
        WebElement firstCard = browser.find(By.cssSelector("table.results tbody tr"));
        // The first result starts on the first screen (844 px high).
        assertThat(firstCard.getLocation().getY()).isLessThan(844);
        assertThat(firstCard.getSize().getWidth()).isLessThanOrEqualTo(390);
        // Each value under its name (the column headers are hidden; CSS writes the name before the value).
        @SuppressWarnings("unchecked")
        List<String> names = (List<String>) ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript(
                "return Array.from(arguments[0].querySelectorAll('td')).map(td => getComputedStyle(td, '::before').content)",
                firstCard);
        assertThat(String.join(" ", names)).contains("阶段", "落实情况", "优先级");
        assertThat(firstCard.getCssValue("display")).isEqualTo("block");
        assertThat(browser.scrollsSideways()).as("list").isFalse();
        browser.phoneScreenshot("phone-01-list-zh");
        browser.assertAccessible("list on a phone");

        fold.findElement(By.tagName("summary")).click();
        assertThat(browser.find(By.id("stage")).isDisplayed()).isTrue();
        assertThat(browser.scrollsSideways()).as("list with its filters open").isFalse();
        browser.phoneScreenshot("phone-02-filters-zh");
    }

    @Test
    void no_page_an_analyst_reaches_scrolls_sideways() throws Exception {
        browser.phone();
        browser.open("/recommendations?open=false");
        String recommendation = path(browser.find(By.cssSelector("table.results tbody tr td a")));
        browser.open("/authorities");
        String authority = path(browser.find(By.cssSelector("main table a[href*='/authorities/']")));
        List<String> pages = List.of("/recommendations", recommendation, "/recommendations/new", "/dashboard",
                "/authorities", authority, "/report", "/imports");
        for (String page : pages) {
            browser.open(page);
            assertThat(browser.scrollsSideways()).as(page).isFalse();
        }
        browser.open(recommendation);
        browser.phoneScreenshot("phone-03-recommendation-zh");
        browser.open(authority);
        browser.phoneScreenshot("phone-04-dialogue-zh");
    }

    @Test
    void on_a_wide_screen_the_filters_show_without_their_fold() {
        browser.desktop();
        browser.open("/recommendations");
        assertThat(browser.find(By.id("stage")).isDisplayed()).isTrue();
        assertThat(browser.find(By.cssSelector("details.more-filters summary")).isDisplayed()).isFalse();
    }

    @Test
    void the_sign_in_page_fits_too() {
        assertThat(signInScrollsSideways).isFalse();
    }

    private static String path(WebElement link) {
        return java.net.URI.create(link.getAttribute("href")).getPath();
    }
}
