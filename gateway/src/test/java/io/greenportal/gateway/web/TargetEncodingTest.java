package io.greenportal.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What curl and scripts send raw, encoded as a browser would before anything reads the request target:
 * Netty reads the request line byte by byte, one char per byte, so raw UTF-8 arrives as Latin-1 chars.
 */
@Tag("unit")
class TargetEncodingTest {

    /** The target as Netty hands it over: each byte of its UTF-8 as one char. */
    static String asNettyReadsIt(String target) {
        return new String(target.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    @Test
    void rawChineseBecomesItsUtf8Escapes() {
        assertThat(RawRequestTargets.encode(asNettyReadsIt("/api/v1/public/listings?q=水泥")))
                .isEqualTo("/api/v1/public/listings?q=%E6%B0%B4%E6%B3%A5");
        assertThat(RawRequestTargets.encode(asNettyReadsIt("/api/v1/public/suggest?q=大同冀东&size=5")))
                .isEqualTo("/api/v1/public/suggest?q=%E5%A4%A7%E5%90%8C%E5%86%80%E4%B8%9C&size=5");
    }

    @ParameterizedTest(name = "[{0}] → [{1}]")
    @CsvSource(delimiter = ' ', quoteCharacter = '\'', value = {
            "/x?q=a|b /x?q=a%7Cb",
            "'/x?q=a b' /x?q=a%20b",
            "/x?q=\"quoted\" /x?q=%22quoted%22",
            "/x?q=<script> /x?q=%3Cscript%3E",
            "/x?q={json} /x?q=%7Bjson%7D",
            "/x?q=50% /x?q=50%25",
            "/x?q=%4 /x?q=%254",
            "/x?q=%zz /x?q=%25zz",
            "/x?q=%%41 /x?q=%25%41",
            "/x?q=^`~ /x?q=%5E%60~"})
    void charactersUrlsDoNotAllowAndStrayPercentSignsAreEscaped(String raw, String encoded) {
        assertThat(RawRequestTargets.encode(raw)).isEqualTo(encoded);
    }

    @Test
    void aTargetABrowserWouldSendIsLeftAsItIs() {
        String target = "/api/v1/public/listings?q=%E6%B0%B4%E6%B3%A5&region=640100&status=ACTIVE,SUSPENDED&sort=name";
        assertThat(RawRequestTargets.encode(target)).isSameAs(target);
        String reserved = "/api/v1/registry/listings/5f1d0000-0000-4000-8000-000000000214?asOf=2024-01-01#x;a=b@c!$&'()*+:/";
        assertThat(RawRequestTargets.encode(reserved)).isSameAs(reserved);
        assertThat(RawRequestTargets.encode("/x?q=%e6%b0%b4")).as("lower-case escapes are escapes").isEqualTo("/x?q=%e6%b0%b4");
    }

    @Test
    void controlCharactersAreEscapedToo() {
        assertThat(RawRequestTargets.encode("/x?q=a\tb\u007f")).isEqualTo("/x?q=a%09b%7F");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"[::1|true", "a:abc|true", "[::1]x|true", "a:123456|true", "[::1]:|false",
        "portal.example.gov.cn|false", "portal.example.gov.cn:8443|false", "[2001:db8::1]:443|false", "[::1]|false",
        "127.0.0.1:8080|false"})
    void aHostIsUnusableWhenItsPortIsNotDigitsOrItsAddressIsNotClosed(String host, boolean unusable) {
        assertThat(RawRequestTargets.unusableHost(host)).as(host).isEqualTo(unusable);
    }
}
