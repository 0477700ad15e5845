package io.greenportal.site.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.greenportal.site.support.CannedApi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * A visitor's broken request is answered, not failed, and logs no error with a stack trace (which
 * anyone could otherwise fill the log with): a link whose percent-escapes do not spell UTF-8 is a
 * Chinese 400 page; a multipart Content-Type is never parsed. Through the real Tomcat, which is what
 * decodes the query and the body.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "greenportal.site.public-url=https://portal.example.gov.cn")
@Import(CannedApi.class)
@ExtendWith(OutputCaptureExtension.class)
class UndecodableQueryTest {

    @LocalServerPort
    int port;

    @Test
    void aBrokenEscapeIsABrokenLinkPageNotAnError(CapturedOutput output) throws Exception {
        for (String query : new String[] {"q=%ED%A0%80", "q=%FF", "%E6%B0=1"}) {
            HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/search?" + query)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).as(query).isEqualTo(400);
            assertThat(page.body()).as(query).contains("链接无效").contains("lang=\"zh-CN\"");
        }
        assertThat(output.getAll()).doesNotContain(" ERROR ").doesNotContain("MalformedInputException");
    }

    @Test
    void aBrokenMultipartContentTypeIsNeitherParsedNorAFailure(CapturedOutput output) throws Exception {
        // the site takes no uploads; a boundary missing or empty once made every page a 500 and a stack trace
        for (String type : new String[] {"multipart/form-data", "multipart/form-data; boundary=", "multipart/mixed; boundary="}) {
            HttpResponse<String> home = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/")).header("Content-Type", type).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(home.statusCode()).as(type).isEqualTo(200);
            HttpResponse<String> form = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/publicity/no-such-notice/objection")).header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofString("zz")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(form.statusCode()).as(type).isBetween(400, 499);
        }
        assertThat(output.getAll()).doesNotContain(" ERROR ").doesNotContain("FileUploadException");
    }

    @Test
    void bracesAndABarSentUnescapedAreASearchAsThroughTheGateway() throws Exception {
        // java.net.URI would escape them: the request line goes out as some clients send it
        try (var socket = new java.net.Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(("GET /search?q={a}|[b] HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 200").contains("lang=\"zh-CN\"").contains("{a}|[b]");
        }
    }
}
