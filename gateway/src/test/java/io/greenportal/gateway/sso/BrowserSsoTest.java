package io.greenportal.gateway.sso;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;

import io.greenportal.gateway.support.RunningPortal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A real browser (headless Chromium) logs in through the running gateway with Keycloak, uses the
 * session (token relay, CSRF), and logs out. A second gateway instance (this test's, in-process,
 * sharing Redis) recognises the same session, as a restarted gateway would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrowserSsoTest {

    @LocalServerPort
    int secondGatewayPort;

    WebDriver browser;
    WebDriverWait wait;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void openBrowser() throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + Files.createTempDirectory("chromium-sso"));
        var service = new ChromeDriverService.Builder().usingDriverExecutable(new java.io.File("/usr/bin/chromedriver"))
                .build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    void logIn(String username) {
        browser.get(RunningPortal.GATEWAY + "/account");
        assertThat(browser.findElement(By.id("status")).getText()).contains("未登录");
        browser.findElement(By.id("login")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        assertThat(browser.getCurrentUrl()).contains("/realms/greenportal/protocol/openid-connect/auth");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys("greenportal-dev");
        browser.findElement(By.id("kc-login")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("user")));
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void logsInOnceUsesTheSessionEverywhereAndLogsOutOfKeycloak() throws Exception {
        logIn("admin");
        assertThat(browser.findElement(By.id("user")).getText()).isEqualTo("admin");

        // the session's access token is relayed to the services
        browser.get(RunningPortal.GATEWAY + "/api/v1/registry/listings?size=1");
        assertThat(browser.getPageSource()).contains("\"total\"");

        Cookie session = browser.manage().getCookieNamed("SESSION");
        Cookie xsrf = browser.manage().getCookieNamed("XSRF-TOKEN");
        assertThat(session).isNotNull();

        // a second gateway instance sharing Redis knows the same session (as a restarted one would)
        String second = "http://127.0.0.1:" + secondGatewayPort;
        var home = send(HttpRequest.newBuilder(URI.create(second + "/account")).header("Cookie", "SESSION=" + session.getValue()));
        assertThat(home.body()).contains("<span id=\"user\">admin</span>");
        var listings = send(HttpRequest.newBuilder(URI.create(second + "/api/v1/registry/listings?size=1"))
                .header("Cookie", "SESSION=" + session.getValue()));
        assertThat(listings.statusCode()).isEqualTo(200);

        // a state-changing request from the browser session needs the CSRF token
        String body = "{\"type\": \"GREEN_ROOF\"}";
        var forged = send(HttpRequest.newBuilder(URI.create(second + "/api/v1/registry/listings"))
                .header("Cookie", "SESSION=" + session.getValue()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(xsrf).isNotNull();
        var withToken = send(HttpRequest.newBuilder(URI.create(second + "/api/v1/registry/listings"))
                .header("Cookie", "SESSION=" + session.getValue() + "; XSRF-TOKEN=" + xsrf.getValue())
                .header("X-XSRF-TOKEN", xsrf.getValue()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(400);
        assertThat(withToken.body()).contains("type");

        // logout ends the Keycloak session too: logging in again asks for the password
        browser.get(RunningPortal.GATEWAY + "/account");
        browser.findElement(By.id("logout-button")).click();
        // Keycloak sends the browser back to the public site's home, then the account page says so
        wait.until(ExpectedConditions.urlToBe(RunningPortal.GATEWAY + "/"));
        browser.get(RunningPortal.GATEWAY + "/account");
        assertThat(browser.findElement(By.id("status")).getText()).contains("未登录");
        browser.findElement(By.id("login")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        var after = send(HttpRequest.newBuilder(URI.create(second + "/account")).header("Cookie", "SESSION=" + session.getValue()));
        assertThat(after.body()).contains("未登录");
    }
}
