package io.greenportal.gateway.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * What the gateway accepts must fit what a service accepts: Tomcat reads at most 8 KB of request
 * line and headers, and answers more with an HTML page. The gateway adds to every request it
 * passes on (a browser's relayed access token, up to about 2 KB; forwarding, trace and request-id
 * headers), so it refuses here, as problem details:
 * <ul>
 * <li>a path or a query string longer than {@code max-target-length} (2 KB): {@code 414}, naming
 * the longest query parameter (or {@code path});</li>
 * <li>a request line and headers together over {@code max-request-head} (5 KB): {@code 431}.</li>
 * </ul>
 * Longer still is refused before Spring by the HTTP decoder's limits (see
 * {@code connections.WireRefusals}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2) // after the request id and the UTF-8 check
public class RequestHeadBudget implements WebFilter {

    private final long maxTargetLength;
    private final long maxRequestHead;

    public RequestHeadBudget(@Value("${greenportal.gateway.max-target-length:2KB}") DataSize maxTargetLength,
            @Value("${greenportal.gateway.max-request-head:5KB}") DataSize maxRequestHead) {
        this.maxTargetLength = maxTargetLength.toBytes();
        this.maxRequestHead = maxRequestHead.toBytes();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var request = exchange.getRequest();
        String path = request.getURI().getRawPath();
        String query = request.getURI().getRawQuery();
        if (path != null && path.length() > maxTargetLength) {
            return Problems.write(exchange.getResponse(), HttpStatus.URI_TOO_LONG, "uri-too-long",
                    "The path is longer than " + maxTargetLength + " characters", "path");
        }
        if (query != null && query.length() > maxTargetLength) {
            String parameter = longestParameter(query);
            return Problems.write(exchange.getResponse(), HttpStatus.URI_TOO_LONG, "uri-too-long",
                    "The query string is longer than " + maxTargetLength + " characters; " + parameter
                            + " is its longest parameter",
                    parameter);
        }
        long head = headSize(request.getMethod().name(), path, query, request.getHeaders());
        if (head > maxRequestHead) {
            return Problems.write(exchange.getResponse(), HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "headers-too-large",
                    "The request line and headers are larger than " + maxRequestHead + " bytes in all", "headers");
        }
        return chain.filter(exchange);
    }

    /** Bytes of the request line and header lines as they were sent (ASCII; each line ends in CRLF). */
    static long headSize(String method, String rawPath, String rawQuery, HttpHeaders headers) {
        long size = method.length() + 1 + (rawPath == null ? 1 : rawPath.length())
                + (rawQuery == null ? 0 : 1 + rawQuery.length()) + " HTTP/1.1\r\n".length();
        for (Map.Entry<String, List<String>> header : headers.headerSet()) {
            for (String value : header.getValue()) {
                size += header.getKey().length() + 2 + value.length() + 2;
            }
        }
        return size;
    }

    /** The name of the query parameter with the longest raw {@code name=value}, decoded and cut to 64 characters. */
    static String longestParameter(String rawQuery) {
        String longest = "";
        for (String pair : rawQuery.split("&")) {
            if (pair.length() > longest.length()) {
                longest = pair;
            }
        }
        int equals = longest.indexOf('=');
        String name = equals < 0 ? longest : longest.substring(0, equals);
        try {
            name = URLDecoder.decode(name, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException undecodable) {
            // named as sent
        }
        name = name.isBlank() ? "query" : name;
        return name.length() > 64 ? name.substring(0, 64) : name;
    }
}
