package io.greenportal.gateway.requestid;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicReference;

import io.greenportal.gateway.web.ClientAddress;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Every request reaches the services with a request id (the caller's when it is a sane token) and
 * the client address the gateway saw, overwriting whatever the client wrote in that header.
 */
@Tag("unit")
class RequestIdFilterTest {

    final RequestIdFilter filter = new RequestIdFilter(new ClientAddress(0, "", true));

    ServerHttpRequest forwarded(MockServerHttpRequest.BaseBuilder<?> request) {
        AtomicReference<ServerHttpRequest> seen = new AtomicReference<>();
        var exchange = MockServerWebExchange.from(request.remoteAddress(new InetSocketAddress("203.0.113.45", 50123)));
        filter.filter(exchange, e -> {
            seen.set(e.getRequest());
            return Mono.empty();
        }).block();
        return seen.get();
    }

    @Test
    void aSaneRequestIdOfTheCallerIsKept() {
        var request = forwarded(MockServerHttpRequest.get("/api/v1/public/listings")
                .header("X-Request-Id", "bank-a:verify-20260601-0001"));
        assertThat(request.getHeaders().getFirst("X-Request-Id")).isEqualTo("bank-a:verify-20260601-0001");
    }

    @Test
    void anythingElseIsReplacedByAFreshUuid() {
        for (String offered : new String[] {"short", "x".repeat(65), "id with spaces", "id\r\nX-Admin: true", "编号-00000001"}) {
            var request = forwarded(MockServerHttpRequest.get("/").header("X-Request-Id", offered));
            assertThat(request.getHeaders().getFirst("X-Request-Id")).as(offered)
                    .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        }
        assertThat(forwarded(MockServerHttpRequest.get("/")).getHeaders().getFirst("X-Request-Id")).hasSize(36);
        assertThat(io.greenportal.platform.tracing.RequestIds.newId()).isNotEqualTo(io.greenportal.platform.tracing.RequestIds.newId());
    }

    @Test
    void theClientAddressIsTheGatewaysNotTheClientsClaim() {
        var request = forwarded(MockServerHttpRequest.post("/api/v1/certification/applications/x/objections")
                .header(ClientAddress.HEADER, "127.0.0.1").header(ClientAddress.SEAL_HEADER, "made-up"));
        assertThat(request.getHeaders().get(ClientAddress.HEADER)).containsExactly("203.0.113.45");
        // sealed, so a service tells it from an address a caller wrote itself around the gateway
        var service = io.greenportal.platform.clientaddress.ClientAddressSeal.of("", true);
        assertThat(request.getHeaders().get(ClientAddress.SEAL_HEADER)).hasSize(1);
        assertThat(service.verifies("203.0.113.45", request.getHeaders().getFirst(ClientAddress.SEAL_HEADER))).isTrue();
    }
}
