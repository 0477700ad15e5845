package io.greenportal.site.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.greenportal.site.support.Browser;
import io.greenportal.site.support.OpenNotice;
import io.greenportal.site.support.PortalApi;
import io.greenportal.site.support.RunningPortal;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A visitor in a real browser (headless Chromium) through the running portal's gateway: the home
 * page, a search for 水泥, a result's detail, the publicity list, and an objection filed and
 * acknowledged. Every page is checked for its content, for axe-core's serious and critical WCAG
 * 2.1 AA violations (none allowed), and, on a 360-pixel phone, for sideways scrolling; every page's
 * screenshot is kept under target/screenshots.
 */
class VisitorJourneyTest {

    static final PortalApi api = new PortalApi();
    static OpenNotice notice;
    static Browser browser;
    static WebDriverWait wait;

    /** page name → its address, for the phone pass. */
    final Map<String, String> visited = new LinkedHashMap<>();
    final List<String> accessibility = new ArrayList<>();

    @BeforeAll
    static void openANoticeAndABrowser() throws Exception {
        notice = OpenNotice.create(api);
        browser = new Browser();
        wait = new WebDriverWait(browser.driver, Duration.ofSeconds(20));
    }

    @AfterAll
    static void closeAndTidyUp() {
        if (browser != null) {
            browser.close();
        }
        if (notice != null) {
            notice.dismissObjections(api);
        }
    }

    @Test
    void homeSearchDetailPublicityAndAnObjection() throws Exception {
        browser.size(1280, 900);

        // home, first visit (a new browser profile: nothing cached)
        browser.driver.get(RunningPortal.SITE + "/");
        long transferred = browser.bytesTransferred();
        java.nio.file.Files.writeString(Browser.SCREENSHOTS.resolve("home-first-visit-bytes.txt"), transferred + "\n");
        assertThat(transferred).as("home page, first visit: HTML + CSS + JS + images, bytes").isLessThan(300 * 1024);
        assertThat(browser.driver.getTitle()).isEqualTo("绿色制造公共服务平台");
        assertThat(text(By.tagName("h1"))).isEqualTo("绿色制造公共服务平台");
        assertThat(headings()).contains("名单总览", "规划目标进展", "正在公示", "最新入选", "统计图表");
        assertThat(text(By.id("plan")).isEmpty()).isFalse();
        assertThat(browser.driver.findElements(By.cssSelector("progress")).size()).as("plan-target progress bars").isPositive();
        assertThat(browser.driver.findElements(By.cssSelector("figure.chart svg rect")).size()).as("chart bars").isPositive();
        check("01-home");

        // search 水泥 from the home page's box
        WebElement box = browser.driver.findElement(By.id("home-q"));
        box.sendKeys("水泥");
        box.submit();
        wait.until(ExpectedConditions.urlContains("/search"));
        assertThat(browser.driver.getCurrentUrl()).contains("q=%E6%B0%B4%E6%B3%A5");
        assertThat(text(By.tagName("h1"))).isEqualTo("名单查询");
        assertThat(text(By.cssSelector(".result-count"))).contains("水泥").contains("共找到");
        List<WebElement> marks = browser.driver.findElements(By.cssSelector("ol.list mark"));
        assertThat(marks).as("the searched word highlighted").isNotEmpty();
        assertThat(marks).allSatisfy(mark -> assertThat(mark.getText()).isEqualTo("水泥"));
        check("02-search");

        // a result's detail: the certificate number the list showed is on the detail page
        WebElement first = browser.driver.findElement(By.cssSelector("ol.list > li"));
        String listedName = first.findElement(By.cssSelector("a.item-title")).getText();
        String listedCertificate = first.findElement(By.xpath(".//p[contains(., '编号')]/span")).getText();
        first.findElement(By.cssSelector("a.item-title")).click();
        wait.until(ExpectedConditions.urlContains("/listings/"));
        assertThat(text(By.tagName("h1"))).isEqualTo(listedName);
        assertThat(text(By.id("certificate-number"))).isNotBlank().isEqualTo(listedCertificate);
        assertThat(headings()).contains("称号信息", "状态记录");
        check("03-listing");

        // the publicity list, through the main navigation
        browser.driver.findElement(By.cssSelector("nav.site-nav a[href='/publicity']")).click();
        wait.until(ExpectedConditions.urlMatches(".*/publicity$"));
        assertThat(text(By.tagName("h1"))).isEqualTo("公示");
        assertThat(headings()).contains("正在公示", "已结束的公示");
        assertThat(text(By.id("main"))).contains(notice.subjectName).contains("剩余");
        check("04-publicity");

        // the objection form of the test's notice
        browser.driver.findElement(By.cssSelector("a[href='/publicity/" + notice.noticeId + "/objection']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("name")));
        assertThat(text(By.tagName("h1"))).isEqualTo("提出异议");
        assertThat(text(By.id("main"))).contains(notice.subjectName).contains("不会在任何公开页面显示");
        check("05-objection-form");

        String objector = "王公示" + (System.nanoTime() % 1000);
        browser.driver.findElement(By.id("name")).sendKeys(objector);
        browser.driver.findElement(By.id("contact")).sendKeys("13912345678");
        browser.driver.findElement(By.id("content")).sendKeys("该企业厂区去年曾被通报超标排放，请核实后再作决定。");
        browser.driver.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("acknowledgement")));
        assertThat(text(By.tagName("h1"))).isEqualTo("异议已受理");
        assertThat(text(By.id("acknowledgement"))).contains("已受理").contains(notice.enterpriseName);
        assertThat(text(By.id("receipt-id"))).matches("[0-9a-f-]{36}");
        assertThat(browser.driver.getPageSource()).as("the objector's identity is never shown")
                .doesNotContain(objector).doesNotContain("13912345678");
        check("06-objection-received");

        // it reached the certification service, where only the province sees who objected
        assertThat(notice.objections(api).toString()).contains(objector);

        // the same pages on a 360-pixel phone: usable without sideways scrolling
        browser.size(360, 780);
        for (var page : visited.entrySet()) {
            if (page.getKey().startsWith("06")) {
                continue; // a POST's answer: not a page one can visit again
            }
            browser.driver.get(page.getValue());
            assertThat(browser.fitsWidth()).as("%s fits 360 px", page.getKey()).isTrue();
            browser.screenshot(page.getKey() + "-phone");
        }
        assertThat(accessibility).as("serious or critical WCAG 2.1 AA violations (axe-core)").isEmpty();
    }

    private void check(String page) throws Exception {
        visited.put(page, browser.driver.getCurrentUrl());
        browser.screenshot(page);
        assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
        assertThat(browser.driver.findElement(By.cssSelector("meta[name=description]")).getAttribute("content")).isNotBlank();
        assertThat(browser.driver.findElements(By.cssSelector("meta[property='og:title']"))).isNotEmpty();
        assertThat(browser.driver.findElements(By.cssSelector("a.skip-link[href='#main']"))).isNotEmpty();
        browser.seriousAccessibilityViolations(page).forEach(v -> accessibility.add(page + ": " + v));
    }

    private String text(By by) {
        return browser.driver.findElement(by).getText().strip();
    }

    private List<String> headings() {
        return browser.driver.findElements(By.cssSelector("h2")).stream().map(WebElement::getText).map(String::strip).toList();
    }
}
