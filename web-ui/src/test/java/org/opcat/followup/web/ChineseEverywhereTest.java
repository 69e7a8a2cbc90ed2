package org.opcat.followup.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A Chinese-speaking administrator (who sees every page) walks every page and form in Chinese,
 * sends each form with bad input, and reads no English word that is not data: every message the
 * page shows (labels, hints, notices, the problems beside the fields, the import report) is
 * checked, after what is data is taken out of it.
 *
 * <p>Data is: what the test typed, names and titles from the registers and the records (links,
 * choices of a list, the picked authorities, users' names), ids, dates and numbers, and the
 * language switch's "English" (a language's own name). What remains may hold no Latin word of
 * two letters or more.
 */
class ChineseEverywhereTest {

    private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z]{2,}");
    private static final String UUIDS = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    /**
     * The interface's own words: headings, labels, hints, notices, problems. Links, choices of a
     * list and cells of data tables hold records and registers (data) and are left out, as is any
     * element marked as another language.
     */
    private static final String MESSAGES = "h1, h2, h3, label, legend, summary, button, caption, th[scope=col], dt,"
            + " .hint, .notice, .field-error, [role=alert], [role=status], table.problems td, .allowed-values dd";
    private static final String READ = """
            const data = 'a, option, select, input, textarea, [lang]:not([lang|=zh]), .checkboxes label, .registered li';
            const texts = [];
            const records = [];
            for (const e of document.querySelectorAll(data + ', td:not(table.problems td), th[scope=row], .checkbox label')) {
              const text = e.textContent.trim();
              if (/[A-Za-z]{2,}/.test(text) && text.length < 300) records.push(text);
            }
            for (const e of document.querySelectorAll(arguments[0])) {
              if (e.closest('[hidden]') || e.closest('#language-switch') || e.matches(data) || e.closest('.checkbox')) continue;
              const copy = e.cloneNode(true);
              copy.querySelectorAll(data).forEach(d => d.remove());
              const text = copy.textContent.trim();
              if (text) texts.push(text);
            }
            return [texts, records];""";

    /**
     * Written so in Chinese too: file formats and a unit; and the demo passwords' pattern, which
     * the password rule quotes as a user would type it.
     */
    private static final List<String> NAMES = List.of("CSV", "XLSX", "MB", "-demo");

    private final List<String> typed = new ArrayList<>();
    private final List<String> english = new ArrayList<>();
    private final List<String> records = new ArrayList<>();
    private Browser browser;

    @Test
    void no_english_word_on_a_chinese_page_that_is_not_data() throws Exception {
        try (Browser chinese = new Browser(TestStack.get().webUrl, "zh")) {
            browser = chinese;
            browser.open("/signin?lang=zh");
            check("sign-in page");
            browser.signIn("admin");

            browser.open("/recommendations?open=true&sort=issuedOn,desc");
            check("list");
            String recommendation = path(browser.find(By.cssSelector("table.results tbody tr td a")));
            browser.open("/authorities");
            check("authorities");
            String authority = path(browser.find(By.cssSelector("main table a[href*='/authorities/']")));
            for (String page : List.of(recommendation, authority, "/dashboard", "/report", "/imports", "/admin/registers",
                    "/admin/users", "/recommendations/new")) {
                browser.open(page);
                check(page);
            }

            // A new recommendation: nothing but a date in the future.
            browser.open("/recommendations/new");
            setValue(By.id("new-issuedOn"), LocalDate.now().plusDays(30).toString());
            submit("#new-recommendation");
            check("refused new recommendation");

            // Every form of an open recommendation, sent empty.
            browser.open(recommendation);
            List<String> forms = browser.all(By.cssSelector("section.recording form")).stream()
                    .map(f -> f.getAttribute("id")).toList();
            assertThat(forms).contains("form-responses", "form-assessments", "form-withdrawal");
            for (String form : forms) {
                browser.open(recommendation);
                browser.find(By.cssSelector("#" + form + "-details summary")).click();
                submit("#" + form);
                browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#" + form + " .notice.error")));
                check("refused " + form);
            }

            // The registers' and users' forms, empty or with a password too short.
            browser.open("/admin/registers");
            browser.find(By.cssSelector("form[action$='/admin/authorities']")).findElement(By.xpath("..")).findElement(By.tagName("summary")).click();
            submit("form[action$='/admin/authorities']");
            check("refused authority");
            browser.open("/admin/registers");
            browser.find(By.cssSelector("form[action$='/admin/places']")).findElement(By.xpath("..")).findElement(By.tagName("summary")).click();
            submit("form[action$='/admin/places']");
            check("refused place");
            browser.open("/admin/users");
            type(By.id("user-username"), "新用户" + UUID.randomUUID().toString().substring(0, 4));
            type(By.id("user-password"), "短密码");
            submit("form[action$='/admin/users']");
            check("refused user");

            // The annual report of a year before any.
            browser.open("/report");
            setValue(By.id("year"), "1901");
            submit("form.report-form");
            check("refused report");

            // A sheet with a wrong date, choice and yes/no, and a blank title.
            browser.open("/imports");
            browser.find(By.id("import-file")).sendKeys(badSheet().toString());
            new Select(browser.find(By.id("import-sheet"))).selectByValue("recommendations");
            browser.find(By.cssSelector("#import-form button[type=submit]")).click();
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("problems-heading")));
            assertThat(browser.all(By.cssSelector("table.problems tbody tr"))).hasSizeGreaterThanOrEqualTo(4);
            assertThat(browser.driver.getCurrentUrl()).doesNotContain("_csrf");
            check("import report");
            browser.screenshot("import-report-zh");
        }
        assertThat(english).as("English words on Chinese pages, outside data").isEmpty();
    }

    /** Notes every message of the page that holds a Latin word once data is taken out. */
    private void check(String page) {
        @SuppressWarnings("unchecked")
        List<List<String>> read = (List<List<String>>) ((JavascriptExecutor) browser.driver).executeScript(READ, MESSAGES);
        // Names and texts of the records and registers (links, choices, table cells), here or on an
        // earlier page: a heading or label may quote one (对话准备：Ministry of Health).
        read.get(1).stream().filter(r -> !records.contains(r)).forEach(records::add);
        records.sort(java.util.Comparator.comparingInt(String::length).reversed());
        for (String text : read.get(0)) {
            String left = text;
            for (String value : typed) {
                left = left.replace(value, "");
            }
            for (String value : records) {
                left = left.replace(value, "");
            }
            for (String value : NAMES) {
                left = left.replace(value, "");
            }
            left = left.replaceAll(UUIDS, "").replaceAll("\\d{4}-\\d{2}-\\d{2}", "");
            Matcher m = LATIN_WORD.matcher(left);
            if (m.find()) {
                english.add(page + ": «" + text + "» (" + m.group() + ")");
            }
        }
    }

    private Path badSheet() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        Path file = Files.createTempDirectory("zh-import").resolve("有错误的建议" + run + ".csv");
        typed.add(file.getFileName().toString());
        List<String> row = List.of("错误/" + run, "", "正文", "中文", "2025年13月40日", "某种报告", "司法部监狱管理局", "", "系统性", "很高", "也许");
        typed.addAll(row);
        try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8),
                CSVFormat.RFC4180)) {
            printer.printRecord(List.of("编号", "标题", "正文", "语言", "提出日期", "来源类型", "致送机关", "主题", "范围", "优先级", "保密"));
            printer.printRecord(row);
        }
        return file;
    }

    private void type(By field, String value) {
        typed.add(value);
        browser.find(field).sendKeys(value);
    }

    /** Typed keys depend on the browser's date format; the value is what the form sends. */
    private void setValue(By field, String value) {
        WebElement input = browser.find(field);
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].value = arguments[1]", input, value);
    }

    private void submit(String form) {
        WebElement old = browser.find(By.tagName("html"));
        WebElement element = browser.find(By.cssSelector(form));
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].noValidate = true", element);
        element.findElement(By.cssSelector("button[type=submit]")).click();
        browser.waiting().until(ExpectedConditions.stalenessOf(old));
    }

    private static String path(WebElement link) {
        return java.net.URI.create(link.getAttribute("href")).getRawPath();
    }
}
