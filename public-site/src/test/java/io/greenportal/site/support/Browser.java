package io.greenportal.site.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Headless Chromium (Debian's, with the flags this machine needs; as in the gateway's SSO test),
 * with what the site's browser tests check on every page: a screenshot kept under
 * target/screenshots, axe-core's WCAG 2.1 A/AA rules, and no sideways scrolling.
 */
public final class Browser implements AutoCloseable {

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    public static final Path AXE_REPORTS = Path.of("target", "axe");
    private static final String AXE_SOURCE = axeSource();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public final WebDriver driver;

    public Browser() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--lang=zh-CN", "--user-data-dir=" + Files.createTempDirectory("chromium-site"));
        var service = new ChromeDriverService.Builder().usingDriverExecutable(new java.io.File("/usr/bin/chromedriver"))
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        Files.createDirectories(SCREENSHOTS);
        Files.createDirectories(AXE_REPORTS);
    }

    /** The viewport, e.g. 1280 × 900 (desktop) or 360 × 780 (a small phone). */
    public void size(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        // the window includes no chrome in headless mode, but make sure the viewport is what was asked
        Object inner = js().executeScript("return window.innerWidth;");
        if (inner instanceof Number n && n.intValue() != width) {
            driver.manage().window().setSize(new Dimension(width + (width - n.intValue()), height));
        }
    }

    /** A full-page PNG under target/screenshots. */
    public Path screenshot(String name) throws IOException {
        Object height = js().executeScript("return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight);");
        Dimension before = driver.manage().window().getSize();
        int full = Math.min(8000, ((Number) height).intValue() + 20);
        driver.manage().window().setSize(new Dimension(before.getWidth(), Math.max(before.getHeight(), full)));
        Path file = SCREENSHOTS.resolve(name + ".png");
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        driver.manage().window().setSize(before);
        return file;
    }

    /** What loading the current page moved over the network: the document and every resource, headers included. */
    public long bytesTransferred() {
        Object bytes = js().executeScript("""
                let total = 0;
                for (const e of performance.getEntriesByType('navigation')) { total += e.transferSize; }
                for (const e of performance.getEntriesByType('resource')) { total += e.transferSize; }
                return total;""");
        return ((Number) bytes).longValue();
    }

    /** True when the page is no wider than the viewport (nothing to scroll sideways). */
    public boolean fitsWidth() {
        Object fits = js().executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth;");
        return Boolean.TRUE.equals(fits);
    }

    /** Violations at impact "serious" or "critical" of axe-core's WCAG 2.0/2.1 A and AA rules; all are written to target/axe. */
    public List<String> seriousAccessibilityViolations(String page) throws IOException {
        js().executeScript(AXE_SOURCE);
        Object result = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                   .then(r => done(JSON.stringify(r.violations)))
                   .catch(e => done(JSON.stringify([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}])));
                """);
        String json = String.valueOf(result);
        Files.writeString(AXE_REPORTS.resolve(page + ".json"), json);
        List<String> serious = new ArrayList<>();
        for (JsonNode violation : JSON.readTree(json)) {
            String impact = violation.path("impact").asString("");
            if (impact.equals("serious") || impact.equals("critical")) {
                List<String> targets = new ArrayList<>();
                violation.path("nodes").forEach(node -> targets.add(node.path("target").toString()));
                serious.add(violation.path("id").asString() + " (" + impact + "): " + violation.path("help").asString()
                        + " " + targets);
            }
        }
        return serious;
    }

    public JavascriptExecutor js() {
        return (JavascriptExecutor) driver;
    }

    @Override
    public void close() {
        driver.quit();
    }

    /** axe-core from its WebJar (a test dependency: it is never served to visitors). */
    private static String axeSource() {
        String path = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";
        try (InputStream in = Browser.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
