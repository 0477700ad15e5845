package io.greenportal.gateway.web;

import java.util.List;
import java.util.Locale;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Request bodies are read as sent: nothing in the portal decodes a compressed request. A body that
 * says it is compressed (Content-Encoding other than identity) was read as if it were not, and came
 * back as "not valid JSON", or worse, was taken as it stood; it is now 415 with
 * {@code Accept-Encoding: identity} (RFC 9110, 15.5.16). A transfer coding other than chunked
 * ({@code gzip, chunked}) was unwrapped of its chunks and read the same way; it is now a 400 naming
 * the header. (RFC 9112, 6.1 suggests 501, but a 5xx counts against the portal's availability, in
 * alerts and in error budgets, for what is the client's doing.)
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 4) // after the request id, the UTF-8 check, the head budget and the Host
public class BodyCodings implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        List<String> contentCodings = headers.get(HttpHeaders.CONTENT_ENCODING);
        if (contentCodings != null && !contentCodings.stream().allMatch(BodyCodings::identity)) {
            exchange.getResponse().getHeaders().set(HttpHeaders.ACCEPT_ENCODING, "identity");
            return Problems.write(exchange.getResponse(), HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-content-encoding",
                    "Request bodies are read as sent: send the body uncompressed, without Content-Encoding",
                    HttpHeaders.CONTENT_ENCODING);
        }
        List<String> transferCodings = headers.get(HttpHeaders.TRANSFER_ENCODING);
        if (transferCodings != null && !transferCodings.stream().allMatch(BodyCodings::chunked)) {
            exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
            return Problems.write(exchange.getResponse(), HttpStatus.BAD_REQUEST, "unsupported-transfer-coding",
                    "The only transfer coding understood is chunked", HttpHeaders.TRANSFER_ENCODING);
        }
        return chain.filter(exchange);
    }

    private static boolean identity(String value) {
        for (String coding : value.split(",")) {
            String name = coding.strip().toLowerCase(Locale.ROOT);
            if (!name.isEmpty() && !name.equals("identity")) {
                return false;
            }
        }
        return true;
    }

    private static boolean chunked(String value) {
        return value.strip().equalsIgnoreCase("chunked");
    }
}
