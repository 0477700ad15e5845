package io.greenportal.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.util.unit.DataSize;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Request bodies: at most 1 MB, 25 MB for document uploads and list imports; a declared or streamed excess is a 413. */
@Tag("unit")
class BodySizeLimitFilterTest {

    final BodySizeLimitFilter filter = new BodySizeLimitFilter(DataSize.ofMegabytes(1), DataSize.ofMegabytes(25));
    final AtomicBoolean passed = new AtomicBoolean();

    MockServerWebExchange post(String path, long declared) {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.post(path).contentLength(declared));
        filter.filter(exchange, e -> {
            passed.set(true);
            return Mono.empty();
        }).block();
        return exchange;
    }

    @Test
    void anOrdinaryRequestIsLimitedToOneMegabyte() {
        assertThat(post("/api/v1/certification/applications", 1024 * 1024).getResponse().getStatusCode()).isNull();
        assertThat(passed).isTrue();
        passed.set(false);
        var tooLarge = post("/api/v1/certification/applications", 1024 * 1024 + 1);
        assertThat(tooLarge.getResponse().getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        assertThat(tooLarge.getResponse().getBodyAsString().block()).contains("\"type\":\"https://greenportal.io/problems/too-large\"")
                .contains("larger than 1 MB");
        assertThat(passed).as("the service never sees it").isFalse();
    }

    @Test
    void documentUploadsAndImportsMayCarry25Megabytes() {
        long twentyMb = 20L * 1024 * 1024;
        assertThat(post("/api/v1/certification/applications/a9911ca7-0000-4000-8000-000000000001/documents", twentyMb)
                .getResponse().getStatusCode()).isNull();
        assertThat(post("/api/v1/registry/imports", twentyMb).getResponse().getStatusCode()).isNull();
        // a bank's 100,000-row portfolio
        assertThat(post("/api/v1/registry/screenings", twentyMb).getResponse().getStatusCode()).isNull();
        assertThat(post("/api/v1/registry/screenings/x/results", twentyMb).getResponse().getStatusCode())
                .isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        assertThat(post("/api/v1/registry/imports", 25L * 1024 * 1024 + 1).getResponse().getStatusCode())
                .isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        assertThat(post("/api/v1/certification/applications/x/documents/y", twentyMb).getResponse().getStatusCode())
                .as("only the upload path itself").isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        assertThat(post("/api/v1/registry/listings", twentyMb).getResponse().getStatusCode())
                .isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
    }

    @Test
    void aStreamedBodyWithoutALengthIsCutOffAtTheLimit() {
        var factory = DefaultDataBufferFactory.sharedInstance;
        byte[] chunk = "绿".repeat(100_000).getBytes(StandardCharsets.UTF_8); // 300 kB
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/v1/registry/listings")
                .body(Flux.range(0, 4).map(i -> factory.wrap(chunk))));
        filter.filter(exchange, e -> DataBufferUtils.join(e.getRequest().getBody()).then()).block();
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);

        var small = MockServerWebExchange.from(MockServerHttpRequest.post("/api/v1/registry/listings")
                .body(Flux.range(0, 3).map(i -> factory.wrap(chunk))));
        filter.filter(small, e -> DataBufferUtils.join(e.getRequest().getBody()).then()).block();
        assertThat(small.getResponse().getStatusCode()).as("900 kB pass").isNull();
    }

    @Test
    void theCutOffIsRecognisedHoweverItIsWrapped() {
        var cut = new RuntimeException(new IllegalStateException(new BodySizeLimitFilter.BodyTooLargeException()));
        assertThat(BodySizeLimitFilter.BodyTooLargeException.causedBy(cut)).isTrue();
        assertThat(BodySizeLimitFilter.BodyTooLargeException.causedBy(new IOException("reset"))).isFalse();
    }
}
