package io.greenportal.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Forwarding headers a service cannot use are refused, naming the header, before Spring's
 * ForwardedHeaderFilter turns them into an empty 400 or a 500; usable ones pass to it unchanged.
 */
@Tag("unit")
class ForwardedHeaderCheckTest {

    static MockHttpServletRequest request(String header, String value) {
        var request = new MockHttpServletRequest("GET", "/api/v1/public/listings");
        request.addHeader(header, value);
        return request;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "X-Forwarded-Prefix | /../x", "X-Forwarded-Prefix | x", "X-Forwarded-Prefix | /a%zz", "X-Forwarded-Prefix | /a/./b",
        "X-Forwarded-Prefix | /a b", "X-Forwarded-Host | a b", "X-Forwarded-Host | [::1", "X-Forwarded-Host | a:99999",
        "X-Forwarded-Host | a:0", "X-Forwarded-Port | 99999", "X-Forwarded-Port | abc", "X-Forwarded-Proto | ftp",
        "Forwarded | host=[::1", "Forwarded | proto=ftp;host=a", "Forwarded | host=\"a b\""})
    void anUnusableForwardingHeaderIsA400NamingIt(String header, String value) throws Exception {
        var response = new MockHttpServletResponse();
        AtomicBoolean passed = new AtomicBoolean();
        new ForwardedHeaderCheck((req, res, chain) -> passed.set(true)).doFilter(request(header, value), response, null);

        assertThat(passed).as("reached the forwarded-header filter").isFalse();
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"field\":\"" + header + "\"");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "X-Forwarded-Prefix | /portal", "X-Forwarded-Prefix | /a/b/", "X-Forwarded-Prefix | /a,/b", "X-Forwarded-Prefix | /",
        "X-Forwarded-Host | portal.example.gov.cn", "X-Forwarded-Host | portal.example.gov.cn:8443",
        "X-Forwarded-Host | [2001:db8::1]:443", "X-Forwarded-Host | a.example, b.example", "X-Forwarded-Port | 443",
        "X-Forwarded-Proto | HTTPS", "Forwarded | for=192.0.2.60;proto=https;host=portal.example.gov.cn",
        "Forwarded | for=[zz", "X-Forwarded-Host | ' '"})
    void aUsableOneReachesIt(String header, String value) throws Exception {
        AtomicBoolean passed = new AtomicBoolean();
        new ForwardedHeaderCheck((req, res, chain) -> passed.set(true))
                .doFilter(request(header, value), new MockHttpServletResponse(), null);
        assertThat(passed).isTrue();
    }
}
