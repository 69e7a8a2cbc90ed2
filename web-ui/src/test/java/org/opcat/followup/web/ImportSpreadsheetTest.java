package org.opcat.followup.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An administrator imports a Chinese workbook: the dry run's report (rows, the authority it would
 * register), the confirmation, and the recommendations in the list. An analyst's sheet with
 * mistakes shows each by sheet, row and column, lists the names the registers lack (registering
 * them is an administrator's) and stores nothing; a manager is not offered the page.
 * The spreadsheets are written here with Apache POI and Commons CSV, headers and values in Chinese.
 */
class ImportSpreadsheetTest {

    private static final List<String> HEADERS = List.of("编号", "标题", "正文", "语言", "发布日期", "来源类型", "收件机关", "主题",
            "范围", "优先级");

    private static Browser browser;
    private static Browser admin;
    private static Path files;

    @BeforeAll
    static void signIn() throws Exception {
        browser = new Browser(TestStack.get().webUrl, "en");
        browser.signIn("analyst");
        admin = new Browser(TestStack.get().webUrl, "en");
        admin.signIn("admin");
        files = Files.createTempDirectory("import-test");
    }

    @AfterAll
    static void close() throws Exception {
        browser.close();
        admin.close();
        try (var all = Files.walk(files)) {
            all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void checks_a_chinese_workbook_confirms_and_finds_it_in_the_list() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String word = "放风场" + run;
        String newAuthority = "某市看守所管理支队" + run;
        Path workbook = xlsx("建议导入-" + run + ".xlsx", List.of(
                List.of("导入/" + run + "/1", "保障在押人员每日户外活动（" + word + "）", "查访发现" + word + "长期关闭。建议每日开放不少于一小时。",
                        "zh", "2025年3月1日", "VISIT_REPORT", "司法部监狱管理局", "户外活动", "SYSTEMIC", "HIGH"),
                List.of("导入/" + run + "/2", "完善看守所医疗记录（" + word + "）", "建议建立入所体检记录制度。" + word,
                        "zh", "2025/3/2", "VISIT_REPORT", "司法部监狱管理局;" + newAuthority, "医疗", "SYSTEMIC", "NORMAL")));

        // Registering the new authority is an administrator's: the whole story as one.
        admin.open("/imports");
        assertThat(admin.heading()).isEqualTo("Import a spreadsheet");
        admin.assertAccessible("import page");
        admin.screenshot("import-01-form");

        admin.find(By.id("import-file")).sendKeys(workbook.toString());
        admin.find(By.id("import-createMissing")).click();
        admin.find(By.cssSelector("#import-form button[type=submit]")).click();

        admin.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("report-heading")));
        assertThat(admin.find(By.cssSelector(".import-report .notice")).getText()).contains(workbook.getFileName().toString());
        assertThat(admin.find(By.cssSelector(".import-report .lead")).getText()).isEqualTo("2 rows would be stored when you confirm.");
        assertThat(admin.find(By.cssSelector("table.rows-by-sheet tbody")).getText()).contains("Recommendations 2");
        assertThat(admin.find(By.cssSelector(".registered")).getText()).contains(newAuthority).doesNotContain("司法部监狱管理局");
        admin.assertAccessible("import report");
        admin.screenshot("import-02-dry-run-report");

        // Nothing is stored by the check: the list does not know the word.
        assertThat(countInList(admin, word)).isZero();
        // What the page polls while a check runs (the file here is too small to watch it).
        String confirmAction = admin.find(By.cssSelector("form[data-progress=confirm-progress]")).getAttribute("action");
        String importId = confirmAction.replaceAll(".*/imports/([0-9a-f-]+)/confirm$", "$1");
        assertThat(fetchText(admin, "/imports/" + importId + "/progress")).contains("Checked");
        assertThat(fetchText(admin, "/imports/" + UUID.randomUUID() + "/progress")).contains("Sending the file");

        admin.find(By.id("confirm-import")).click();
        admin.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("outcome-heading")));
        assertThat(admin.find(By.cssSelector(".notice.success")).getText()).contains("2 rows");
        assertThat(admin.find(By.cssSelector(".registered")).getText()).contains(newAuthority);
        admin.assertAccessible("import outcome");
        admin.screenshot("import-03-imported");

        // The list finds both by a word of their titles (the read side catches up within moments).
        new WebDriverWait(admin.driver, Duration.ofSeconds(30)).pollingEvery(Duration.ofSeconds(1))
                .until(d -> countInList(admin, word) == 2);
        admin.open("/recommendations?q=" + java.net.URLEncoder.encode(word, StandardCharsets.UTF_8));
        WebElement row = admin.find(By.xpath("//table[contains(@class,'results')]//tr[td/a[text()='导入/" + run + "/1']]"));
        assertThat(row.getText()).contains("High");
        admin.screenshot("import-04-in-the-list");

        // A reload of the outcome does not import again: the form is back.
        admin.open("/imports/done");
        assertThat(admin.all(By.id("import-form"))).hasSize(1);

        // The same file again: every row is already stored, so there is nothing to confirm; the
        // report is shown after a redirect, with no CSRF token in the address.
        admin.find(By.id("import-file")).sendKeys(workbook.toString());
        admin.find(By.cssSelector("#import-form button[type=submit]")).click();
        admin.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("report-heading")));
        assertThat(admin.driver.getCurrentUrl()).endsWith("/imports/checked").doesNotContain("_csrf");
        assertThat(admin.find(By.cssSelector(".import-report .lead")).getText()).contains("already stored");
        assertThat(admin.all(By.id("confirm-import"))).isEmpty();

        // The English and the Chinese template are two files.
        assertThat(disposition(admin, "/imports/template.xlsx?headers=en")).contains("workbook-template-en.xlsx");
        assertThat(disposition(admin, "/imports/template.xlsx?headers=zh")).contains("workbook-template-zh.xlsx");
        assertThat(disposition(admin, "/imports/template.csv?sheet=responses&headers=zh")).contains("responses-template-zh.csv");
    }

    @Test
    void a_sheet_with_mistakes_shows_every_problem_and_stores_nothing() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String word = "错误表格" + run;
        Path csv = csv("建议-有错误-" + run + ".csv", List.of(
                List.of("错误/" + run + "/1", "标题" + word, "正文" + word, "zh", "2025年13月40日", "VISIT_REPORT",
                        "司法部监狱管理局", "", "SYSTEMIC", "HIGH"),
                List.of("错误/" + run + "/2", "标题" + word, "正文" + word, "zh", "2025-03-01", "VISIT_REPORT",
                        "不存在的机关" + run, "", "SYSTEMIC", "URGENT")));

        try (Browser chinese = new Browser(TestStack.get().webUrl, "zh")) {
            chinese.signIn("analyst");
            chinese.open("/imports");
            assertThat(chinese.heading()).isEqualTo("导入表格");
            chinese.find(By.id("import-file")).sendKeys(csv.toString());
            new Select(chinese.find(By.id("import-sheet"))).selectByValue("recommendations");
            chinese.find(By.cssSelector("#import-form button[type=submit]")).click();

            chinese.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("problems-heading")));
            assertThat(chinese.find(By.cssSelector(".notice.error")).getText()).contains("未存储任何内容");
            List<WebElement> problems = chinese.all(By.cssSelector("table.problems tbody tr"));
            assertThat(problems).extracting(WebElement::getText)
                    .anySatisfy(text -> assertThat(text).startsWith("建议 2 提出日期").contains("2025年13月40日"))
                    .anySatisfy(text -> assertThat(text).startsWith("建议 3 致送机关").contains("不存在的机关" + run));
            assertThat(chinese.all(By.id("confirm-import"))).isEmpty();
            // The unknown authority is listed for an administrator to register; an analyst may not have the import do it.
            assertThat(chinese.find(By.cssSelector(".registered")).getText()).contains("登记册中没有", "不存在的机关" + run)
                    .doesNotContain("司法部监狱管理局");
            assertThat(chinese.all(By.id("import-createMissing"))).isEmpty();
            assertThat(chinese.find(By.id("import-registers-hint")).getText()).contains("由管理员登记");
            // The form is there again to send the corrected file.
            assertThat(chinese.all(By.id("import-form"))).hasSize(1);
            chinese.assertAccessible("import problems");
            chinese.screenshot("import-05-problems-zh");
        }
        assertThat(countInList(browser, word)).isZero();
    }

    @Test
    void no_file_is_said_beside_the_field() throws Exception {
        browser.open("/imports");
        // The browser would refuse to send a required file field empty; a script-less client need not.
        ((JavascriptExecutor) browser.driver).executeScript("document.getElementById('import-file').removeAttribute('required')");
        browser.find(By.cssSelector("#import-form button[type=submit]")).click();
        WebElement error = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("import-file-error")));
        assertThat(error.getText()).isEqualTo("Choose a CSV or XLSX file.");
        assertThat(browser.find(By.id("import-file")).getAttribute("aria-invalid")).isEqualTo("true");
    }

    @Test
    void a_long_check_shows_its_progress_and_cancel_drops_the_file() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<List<String>> rows = new java.util.ArrayList<>();
        for (int i = 1; i <= 2000; i++) {
            rows.add(List.of("进度/" + run + "/" + i, "第 " + i + " 条建议", "建议正文 " + i, "zh", "2024-05-01", "ANNUAL_REPORT",
                    "司法部监狱管理局", "", "SYSTEMIC", "NORMAL"));
        }
        Path csv = csv("进度-" + run + ".csv", rows);
        browser.open("/imports");
        browser.find(By.id("import-file")).sendKeys(csv.toString());
        // WebDriver waits while a page loads, so the page itself notes what its progress box showed
        // meanwhile (session storage outlives the page), to be read once the report has come.
        ((JavascriptExecutor) browser.driver).executeScript("""
                sessionStorage.setItem('progress', '[]');
                const box = document.getElementById('import-progress');
                const button = document.querySelector('#import-form button[type=submit]');
                new MutationObserver(() => {
                    const seen = JSON.parse(sessionStorage.getItem('progress'));
                    seen.push({text: box.textContent.trim(), visible: !box.hidden, buttonDisabled: button.disabled});
                    sessionStorage.setItem('progress', JSON.stringify(seen));
                }).observe(box, {childList: true, subtree: true, characterData: true});
                """);
        browser.find(By.cssSelector("#import-form button[type=submit]")).click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(180))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("report-heading")));
        assertThat(browser.find(By.cssSelector(".import-report .lead")).getText()).isEqualTo("2,000 rows would be stored when you confirm.");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> seen = (List<Map<String, Object>>) ((JavascriptExecutor) browser.driver)
                .executeScript("return JSON.parse(sessionStorage.getItem('progress'))");
        assertThat(seen).as("what the progress box showed while the check ran").isNotEmpty()
                .allSatisfy(shown -> {
                    assertThat(shown.get("visible")).isEqualTo(true);
                    assertThat(shown.get("buttonDisabled")).isEqualTo(true);
                    assertThat((String) shown.get("text")).matches(
                            "Sending the file…|Reading the file…|Checking: row [\\d,]+ of 2,000…|Checked; the page is loading…");
                });
        System.out.println("progress shown while checking 2,000 rows: " + seen);
        String confirmAction = browser.find(By.cssSelector("form[data-progress=confirm-progress]")).getAttribute("action");
        browser.find(By.cssSelector("form[action$='/discard'] button")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("import-form")));
        // The dropped file cannot be confirmed any more.
        ((JavascriptExecutor) browser.driver).executeScript("""
                const form = document.createElement('form');
                form.method = 'post';
                form.action = arguments[0];
                const token = document.querySelector('input[name=_csrf]').cloneNode();
                form.appendChild(token);
                document.body.appendChild(form);
                form.submit();
                """, confirmAction);
        WebElement expired = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("p.notice.error")));
        assertThat(expired.getText()).startsWith("This upload is no longer kept");
        assertThat(countInList(browser, "进度/" + run)).isZero();
    }

    @Test
    void a_file_over_the_limit_is_said_so() throws Exception {
        Path big = files.resolve("big.csv");
        byte[] line = ("x".repeat(1023) + "\n").getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = Files.newOutputStream(big)) {
            for (int i = 0; i < 11 * 1024; i++) {
                out.write(line);
            }
        }
        browser.open("/imports");
        browser.find(By.id("import-file")).sendKeys(big.toString());
        browser.find(By.cssSelector("#import-form button[type=submit]")).click();
        WebElement error = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("import-file-error")));
        browser.screenshot("import-06-too-large");
        assertThat(error.getText()).isEqualTo("The file is larger than 10 MB.");
        browser.assertAccessible("import, file too large");
    }

    @Test
    void templates_download_through_the_web_interface() throws Exception {
        browser.open("/imports");
        // Chinese headers, and the page still in English afterwards.
        for (String link : List.of("/imports/template.xlsx?headers=zh", "/imports/template.csv?sheet=responses&headers=zh")) {
            assertThat(browser.all(By.cssSelector("a[href='" + link + "']"))).hasSize(1);
            @SuppressWarnings("unchecked")
            Map<String, Object> answer = (Map<String, Object>) ((JavascriptExecutor) browser.driver).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch(arguments[0]).then(async r => {
                        const bytes = await r.arrayBuffer();
                        done({status: r.status, type: r.headers.get('content-type'),
                              disposition: r.headers.get('content-disposition'),
                              text: new TextDecoder('utf-8').decode(bytes), size: bytes.byteLength});
                    }).catch(e => done({status: -1, type: String(e)}));
                    """, link);
            assertThat(answer.get("status")).as(link).isEqualTo(200L);
            assertThat((String) answer.get("disposition")).as(link).startsWith("attachment");
            if (link.contains(".csv")) {
                assertThat((String) answer.get("text")).contains("编号", "机关", "立场");
            } else {
                assertThat((String) answer.get("type")).startsWith("application/vnd.openxmlformats");
            }
        }
        browser.open("/imports");
        assertThat(browser.heading()).isEqualTo("Import a spreadsheet");
    }

    @Test
    void a_manager_is_not_offered_the_import() throws Exception {
        try (Browser manager = new Browser(TestStack.get().webUrl, "en")) {
            manager.signIn("manager");
            assertThat(manager.all(By.linkText("Import spreadsheet"))).isEmpty();
            manager.open("/imports");
            assertThat(manager.find(By.tagName("main")).getText()).contains("Your roles do not allow this.");
            assertThat(manager.all(By.id("import-form"))).isEmpty();
        }
        // and the analyst is
        browser.open("/recommendations");
        assertThat(browser.all(By.linkText("Import spreadsheet"))).hasSize(1);
    }

    private static String disposition(Browser in, String path) {
        return (String) ((JavascriptExecutor) in.driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => done(r.headers.get('content-disposition'))).catch(e => done('failed: ' + e));
                """, path);
    }

    private static String fetchText(Browser in, String path) {
        return (String) ((JavascriptExecutor) in.driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.text()).then(done).catch(e => done('failed: ' + e));
                """, path);
    }

    /** How many recommendations the list finds by a word, fetched beside the page shown (which stays). */
    private static int countInList(Browser in, String word) {
        Number count = (Number) ((JavascriptExecutor) in.driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/recommendations?q=' + encodeURIComponent(arguments[0])).then(r => r.text())
                    .then(html => done(new DOMParser().parseFromString(html, 'text/html')
                            .querySelectorAll('table.results tbody tr').length))
                    .catch(e => done(-1));
                """, word);
        return count.intValue();
    }

    private static Path xlsx(String name, List<List<String>> rows) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("建议");
            write(sheet.createRow(0), HEADERS);
            for (int i = 0; i < rows.size(); i++) {
                write(sheet.createRow(i + 1), rows.get(i));
            }
            Path file = files.resolve(name);
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
            return file;
        }
    }

    private static void write(Row row, List<String> values) {
        for (int c = 0; c < values.size(); c++) {
            row.createCell(c).setCellValue(values.get(c));
        }
    }

    private static Path csv(String name, List<List<String>> rows) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), CSVFormat.DEFAULT)) {
            printer.printRecord(HEADERS);
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        }
        Path file = files.resolve(name);
        Files.write(file, bytes.toByteArray());
        return file;
    }
}
