package org.opcat.followup.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** A reporter gets the public annual report: previews it and downloads the pdf and csv, through the web interface only. */
class ReporterTest {

    private static Browser browser;

    @BeforeAll
    static void signIn() throws Exception {
        browser = new Browser(TestStack.get().webUrl, "en");
        browser.signIn("reporter");
    }

    @AfterAll
    static void close() throws Exception {
        browser.close();
    }

    @Test
    void downloads_the_public_report_as_pdf() throws Exception {
        assertThat(browser.driver.getCurrentUrl()).endsWith("/report");
        assertThat(browser.all(By.linkText("Recommendations"))).isEmpty();
        assertThat(new Select(browser.find(By.id("audience"))).getOptions()).extracting(o -> o.getAttribute("value"))
                .containsExactly("public");
        browser.assertAccessible("report form");

        String year = String.valueOf(LocalDate.now().getYear() - 1);
        browser.find(By.id("year")).clear();
        browser.find(By.id("year")).sendKeys(year);
        new Select(browser.find(By.id("reportLang"))).selectByValue("zh");
        browser.find(By.cssSelector(".report-form button[type=submit]")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("download-pdf")));
        browser.driver.switchTo().frame(browser.find(By.cssSelector("iframe.report-preview")));
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.tagName("table")));
        assertThat(browser.find(By.tagName("body")).getText()).contains(year);
        browser.driver.switchTo().defaultContent();
        browser.screenshot("reporter-01-report-preview");
        browser.assertAccessible("report with preview");

        // The download link, fetched as the browser would (session cookie, through the web interface).
        String pdf = browser.find(By.id("download-pdf")).getAttribute("href");
        assertThat(pdf).contains("format=pdf").contains("audience=public").doesNotContain(":" + port(TestStack.get().queryUrl));
        @SuppressWarnings("unchecked")
        List<Object> answer = (List<Object>) ((JavascriptExecutor) browser.driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(async r => {
                    const bytes = new Uint8Array(await r.arrayBuffer());
                    done([r.status, r.headers.get('content-type'), r.headers.get('content-disposition') || '',
                          String.fromCharCode(...bytes.slice(0, 5)), bytes.length]);
                }).catch(e => done([0, String(e), '', '', 0]));
                """, pdf);
        assertThat(((Number) answer.get(0)).intValue()).isEqualTo(200);
        assertThat((String) answer.get(1)).startsWith("application/pdf");
        assertThat((String) answer.get(2)).contains("attachment").contains(".pdf");
        assertThat(answer.get(3)).isEqualTo("%PDF-");
        assertThat(((Number) answer.get(4)).intValue()).isGreaterThan(1000);

        // A reporter who asks for the internal report by hand still gets the public one.
        String internal = pdf.replace("audience=public", "audience=internal").replace("format=pdf", "format=csv");
        @SuppressWarnings("unchecked")
        List<Object> csv = (List<Object>) ((JavascriptExecutor) browser.driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(async r => done([r.status, r.headers.get('content-disposition') || '']));
                """, internal);
        assertThat(((Number) csv.get(0)).intValue()).isEqualTo(200);
        assertThat((String) csv.get(1)).contains("public").contains(".csv");

        // Recommendations themselves are not for reporters.
        browser.open("/recommendations");
        assertThat(browser.heading()).isEqualTo("This could not be done");
    }

    private static String port(String url) {
        return url.substring(url.lastIndexOf(':') + 1);
    }
}
