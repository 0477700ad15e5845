package io.greenportal.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** JSON bodies are strict UTF-8 before anything parses them; other bodies pass untouched. */
@Tag("unit")
class Utf8JsonBodiesTest {

    static MockHttpServletRequest post(String contentType, byte[] body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/registry/credentials/verification");
        request.setContentType(contentType);
        request.setContent(body);
        return request;
    }

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    @Test
    void overlongTruncatedOrSurrogateSequencesAreA400NamingTheBody() throws Exception {
        byte[][] bad = {
                bytes('{', '"', 'a', '"', ':', '"', 0xC0, 0xAE, '"', '}'), // "." written in two bytes
                bytes('{', '"', 'a', '"', ':', '"', 0xE0, 0x80, 0x80, '"', '}'), // NUL in three bytes
                bytes('{', '"', 'a', '"', ':', '"', 0xED, 0xA0, 0x80, '"', '}'), // a lone surrogate
                bytes('{', '"', 'a', '"', ':', '"', 0xE6, 0xB0, '"', '}'), // a character cut short
                bytes('{', '"', 'a', '"', ':', '"', 0xFF, '"', '}')};
        for (byte[] body : bad) {
            MockHttpServletResponse response = new MockHttpServletResponse();
            MockFilterChain chain = new MockFilterChain();
            new Utf8JsonBodies().doFilter(post("application/json", body), response, chain);
            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(response.getContentAsString()).contains("\"field\":\"body\"").contains("invalid-encoding");
            assertThat(chain.getRequest()).as("the application never sees it").isNull();
        }
    }

    @Test
    void aJsonBodyInAnotherCharsetIsA415() throws Exception {
        for (String type : new String[] {"application/json;charset=utf-16", "application/json; charset=ISO-8859-1"}) {
            MockHttpServletResponse response = new MockHttpServletResponse();
            new Utf8JsonBodies().doFilter(post(type, "{}".getBytes(StandardCharsets.UTF_8)), response, new MockFilterChain());
            assertThat(response.getStatus()).as(type).isEqualTo(415);
        }
    }

    @Test
    void utf8JsonAndOtherBodiesPassAsTheyCame() throws Exception {
        byte[] json = "{\"name\":\"宁夏绿源新材料有限公司\"}".getBytes(StandardCharsets.UTF_8);
        for (String type : new String[] {"application/json", "application/json;charset=UTF-8", "application/merge-patch+json"}) {
            MockFilterChain chain = new MockFilterChain();
            MockHttpServletResponse response = new MockHttpServletResponse();
            new Utf8JsonBodies().doFilter(post(type, json), response, chain);
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(chain.getRequest().getInputStream().readAllBytes()).as(type).isEqualTo(json);
        }
        // a CSV upload's bytes are not this filter's business
        MockHttpServletRequest csv = post("text/csv", bytes(0xC0, 0xAE));
        MockFilterChain chain = new MockFilterChain();
        new Utf8JsonBodies().doFilter(csv, new MockHttpServletResponse(), chain);
        assertThat(chain.getRequest()).isSameAs(csv);
    }
}
