package io.greenportal.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

/**
 * The objection bucket is chosen on the path as the application will read it: spellings that
 * reach the same handler (double slashes, escapes, dot segments, path parameters, a trailing
 * slash) land in the same bucket, for the API's intake and for the public site's form alike.
 */
@Tag("unit")
class ObjectionBucketPathsTest {

    static String bucket(String method, String path) {
        var request = MockServerHttpRequest.method(org.springframework.http.HttpMethod.valueOf(method),
                java.net.URI.create("http://gateway" + path)).build();
        return RateLimitFilter.bucket(MockServerWebExchange.from(request), true);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/publicity/abc-1/objection", "/publicity//abc-1/objection", "/publicity/abc-1/objection/",
            "/publicity/abc-1/%6Fbjection", "/publicity/abc-1/objection;v=1", "/publicity/./abc-1/objection",
            "/publicity/x/../abc-1/objection", "/%70ublicity/abc-1/objection",
            "/api/v1/certification/applications/0b7c/objections", "//api/v1/certification/applications/0b7c/objections/",
            "/api/v1/certification/applications/0b7c/%6Fbjections"})
    void everySpellingOfAnObjectionPostIsInTheObjectionBucket(String path) {
        assertThat(bucket("POST", path)).isEqualTo("objections");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/publicity/abc-1/objection", "/publicity", "/search"})
    void readingThePagesIsNot(String path) {
        assertThat(bucket("GET", path)).isEqualTo("anonymous");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/publicity/abc-1/objections", "/publicity/objection", "/api/v1/certification/applications"})
    void otherPostsAreNot(String path) {
        assertThat(bucket("POST", path)).isEqualTo("anonymous");
    }

    @org.junit.jupiter.api.Test
    void normalisedPaths() {
        assertThat(RateLimitFilter.normalised("/a//b/./c/../d/")).isEqualTo("/a/b/d");
        assertThat(RateLimitFilter.normalised("/a;x=1/b%2Fc")).isEqualTo("/a/b/c");
        assertThat(RateLimitFilter.normalised("/a/%zz")).isEqualTo("/a/%zz");
        assertThat(RateLimitFilter.normalised("/../..")).isEqualTo("/");
    }
}
