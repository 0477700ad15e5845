package io.greenportal.gateway.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Percent-escapes in the path and query must spell UTF-8 text ({@code %E6%B0%B4} is 水;
 * {@code %E6%B0} or {@code %FF} is nothing). Such a request is refused here with a problem detail
 * naming the parameter, rather than reaching a service whose server cannot decode it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1) // after the request id is set, before anything else
public class Utf8QueryFilter implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var uri = exchange.getRequest().getURI();
        if (!decodes(uri.getRawPath())) {
            return refuse(exchange, "path", "The path's percent-escapes are not UTF-8 text");
        }
        String query = uri.getRawQuery();
        if (query != null && query.indexOf('%') >= 0) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                if (!decodes(name)) {
                    return refuse(exchange, "query", "A query parameter's name is not UTF-8 text");
                }
                if (equals >= 0 && !decodes(pair.substring(equals + 1))) {
                    String field = decode(name);
                    return refuse(exchange, field, field + ": is not UTF-8 text (its percent-escapes must spell UTF-8)");
                }
            }
        }
        return chain.filter(exchange);
    }

    private static Mono<Void> refuse(ServerWebExchange exchange, String field, String detail) {
        if (SitePages.isSitePage(exchange)) {
            return SitePages.write(exchange.getResponse(), HttpStatus.BAD_REQUEST, "链接无效",
                    "网址中有无法识别的字符（百分号编码不是 UTF-8 文字）。请检查链接是否完整，或返回首页重新搜索。");
        }
        return Problems.write(exchange.getResponse(), HttpStatus.BAD_REQUEST, "invalid-encoding", detail, field);
    }

    static boolean decodes(String raw) {
        if (raw == null || raw.indexOf('%') < 0) {
            return true;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes(raw)));
            return true;
        } catch (CharacterCodingException | IllegalArgumentException e) {
            return false;
        }
    }

    private static String decode(String raw) {
        return new String(bytes(raw.replace('+', ' ')), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    throw new IllegalArgumentException("a % without two hex digits");
                }
                out.write(Integer.parseInt(raw, i + 1, i + 3, 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }
}
