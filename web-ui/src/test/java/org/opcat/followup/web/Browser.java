package org.opcat.followup.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium, with what every scenario needs: sign in, take a
 * screenshot, and run axe-core (from the npm registry, unpacked by the build) on the page.
 */
final class Browser implements AutoCloseable {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final int PHONE_WIDTH = 390;
    private static final int PHONE_HEIGHT = 844;

    final WebDriver driver;
    private final String base;
    private final Path profile;

    Browser(String base, String language) throws IOException {
        // A developer machine without Chromium skips the browser scenarios; CI (.ci/run installs it) must not.
        boolean installed = Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
        if (!installed && System.getenv("CI") == null) {
            Assumptions.abort("no " + CHROMIUM + " and " + CHROMEDRIVER + ": apt-get install chromium chromium-driver");
        }
        this.base = base;
        this.profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1280,1000", "--lang=" + language,
                "--font-render-hinting=none");
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
        // The driver is given, so Selenium Manager has nothing to download.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    void open(String path) {
        driver.get(base + path);
    }

    WebElement find(By by) {
        return driver.findElement(by);
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    void signIn(String user) {
        open("/signin");
        find(By.id("username")).sendKeys(user);
        find(By.id("password")).sendKeys(user + "-demo");
        find(By.cssSelector("form button[type=submit]")).click();
        waiting().until(d -> !d.getCurrentUrl().contains("/signin"));
    }

    String heading() {
        return find(By.tagName("h1")).getText();
    }

    /** A full-page screenshot into target/screenshots (to be looked at: a test cannot judge a layout). */
    void screenshot(String name) throws IOException {
        Path folder = Path.of(System.getProperty("screenshots", "target/screenshots"));
        Files.createDirectories(folder);
        JavascriptExecutor js = (JavascriptExecutor) driver;
        long height = ((Number) js.executeScript("return Math.max(document.body.scrollHeight, 800)")).longValue();
        js.executeScript("window.scrollTo(0, 0); if (document.activeElement) document.activeElement.blur();");
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, (int) Math.min(height + 120, 4000)));
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Files.write(folder.resolve(name + ".png"), png);
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
    }

    /** The viewport of a phone (390 × 844 CSS pixels, touch, the page's viewport meta obeyed) until {@link #desktop}. */
    void phone() {
        emulate(PHONE_WIDTH, PHONE_HEIGHT);
    }

    void desktop() {
        ((ChromeDriver) driver).executeCdpCommand("Emulation.clearDeviceMetricsOverride", java.util.Map.of());
    }

    /** Whether the page is wider than the screen, i.e. scrolls sideways. */
    boolean scrollsSideways() {
        return (Boolean) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth > window.innerWidth");
    }

    /** A full-page screenshot at phone width into target/screenshots. */
    void phoneScreenshot(String name) throws IOException {
        Path folder = Path.of(System.getProperty("screenshots", "target/screenshots"));
        Files.createDirectories(folder);
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript("window.scrollTo(0, 0); if (document.activeElement) document.activeElement.blur();");
        long height = ((Number) js.executeScript("return document.documentElement.scrollHeight")).longValue();
        emulate(PHONE_WIDTH, (int) Math.min(height, 4000));
        Files.write(folder.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        emulate(PHONE_WIDTH, PHONE_HEIGHT);
    }

    private void emulate(int width, int height) {
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of(
                "width", width, "height", height, "deviceScaleFactor", 1, "mobile", true));
    }

    /** axe-core on the current page: no serious or critical violation (WCAG 2.1 A and AA rules and best practices). */
    void assertAccessible(String page) throws IOException {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        String axe = Files.readString(Path.of(System.getProperty("axe.script", "target/axe/axe.min.js")), StandardCharsets.UTF_8);
        js.executeScript(axe);
        @SuppressWarnings("unchecked")
        List<String> violations = (List<String>) js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document).then(r => done(r.violations
                        .filter(v => v.impact === 'serious' || v.impact === 'critical')
                        .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' at '
                                + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))))
                    .catch(e => done(['axe did not run: ' + e]));
                """);
        assertThat(violations).as("accessibility of " + page + " (" + driver.getCurrentUrl() + ")").isEmpty();
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
