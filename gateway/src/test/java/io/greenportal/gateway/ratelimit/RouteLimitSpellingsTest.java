package io.greenportal.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

/**
 * Every route with a bucket of its own ({@link RateLimitFilter#ROUTE_LIMITS}), spelled every way
 * that reaches the same handler: any one character percent-encoded (upper and lower case hex),
 * every character encoded, doubled slashes, {@code .} and {@code x/..} segments, path parameters
 * and a trailing slash. Each spelling lands in the route's bucket, for anonymous and authenticated
 * callers alike. (The live counterpart, through a real gateway, is in HostileInputTest.)
 */
@Tag("unit")
class RouteLimitSpellingsTest {

    static String bucket(String path, boolean anonymous) {
        var request = MockServerHttpRequest.method(org.springframework.http.HttpMethod.POST,
                java.net.URI.create("http://gateway" + path)).build();
        return RateLimitFilter.bucket(MockServerWebExchange.from(request), anonymous);
    }

    /** The route's pattern with a sample id for each wildcard segment. */
    static String sample(String pattern) {
        return pattern.replace("*", "0b7c2d4e-aaaa-4bbb-8ccc-000000000001");
    }

    /** Spellings of a path that an application reading it (decoded, normalised) takes for the same path. */
    static Set<String> spellings(String path) {
        Set<String> out = new LinkedHashSet<>();
        out.add(path);
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '/') {
                all.append(c);
                continue;
            }
            String hex = String.format("%02X", (int) c);
            all.append('%').append(hex);
            out.add(path.substring(0, i) + "%" + hex + path.substring(i + 1));
            out.add(path.substring(0, i) + "%" + hex.toLowerCase(Locale.ROOT) + path.substring(i + 1));
        }
        out.add(all.toString());
        List<Integer> slashes = new ArrayList<>();
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '/') {
                slashes.add(i);
            }
        }
        for (int at : slashes) {
            out.add(path.substring(0, at) + "/" + path.substring(at));
            out.add(path.substring(0, at) + "/." + path.substring(at));
            out.add(path.substring(0, at) + "/%2e" + path.substring(at));
            out.add(path.substring(0, at) + "/x/.." + path.substring(at));
            if (at > 0) {
                out.add(path.substring(0, at) + ";v=1" + path.substring(at));
            }
        }
        out.add(path + "/");
        out.add(path + ";v=1");
        return out;
    }

    @Test
    void everySpellingOfEveryRateLimitedRouteIsInItsBucket() {
        assertThat(RateLimitFilter.ROUTE_LIMITS).extracting(RateLimitFilter.RouteLimit::bucket)
                .contains("objections", "batch-verification");
        int checked = 0;
        for (RateLimitFilter.RouteLimit route : RateLimitFilter.ROUTE_LIMITS) {
            for (String spelling : spellings(sample(route.pattern()))) {
                assertThat(bucket(spelling, true)).as("anonymous POST %s", spelling).isEqualTo(route.bucket());
                assertThat(bucket(spelling, false)).as("authenticated POST %s", spelling).isEqualTo(route.bucket());
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(200);
    }

    @Test
    void theIssuesExamples() {
        assertThat(bucket("/api/v1/incentives/verifications/%62atch", false)).isEqualTo("batch-verification");
        assertThat(bucket("/api/v1/certification/applications/0b7c/%6Fbjections", true)).isEqualTo("objections");
    }

    @Test
    void neighboursOfARouteAreNotInItsBucket() {
        assertThat(bucket("/api/v1/incentives/verifications", false)).isEqualTo("authenticated");
        assertThat(bucket("/api/v1/incentives/verifications/batch2", false)).isEqualTo("authenticated");
        assertThat(bucket("/api/v1/incentives/verifications/BATCH", false)).isEqualTo("authenticated");
        assertThat(bucket("/api/v1/incentives/verifications/batch/x", true)).isEqualTo("anonymous");
    }
}
