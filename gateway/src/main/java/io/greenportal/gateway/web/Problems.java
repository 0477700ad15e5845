package io.greenportal.gateway.web;

import java.nio.charset.StandardCharsets;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;

import reactor.core.publisher.Mono;

/** The gateway's own refusals, as RFC 9457 problem details like the services'. */
public final class Problems {

    public static final String TYPE_BASE = "https://greenportal.io/problems/";

    /**
     * The headers of every problem the gateway answers itself, as the services' answers carry them:
     * data that nothing may run, frame or sniff, and no referrer (refusals are what anyone can provoke).
     */
    public static final java.util.Map<String, String> SECURITY_HEADERS = java.util.Map.of(
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "same-origin",
            "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");

    private Problems() {
    }

    public static Mono<Void> write(ServerHttpResponse response, HttpStatus status, String type, String detail) {
        return write(response, status, type, detail, null);
    }

    /** As {@link #write(ServerHttpResponse, HttpStatus, String, String)}, naming the offending field. */
    public static Mono<Void> write(ServerHttpResponse response, HttpStatus status, String type, String detail, String field) {
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        SECURITY_HEADERS.forEach(response.getHeaders()::set);
        DataBuffer buffer = response.bufferFactory().wrap(body(status, type, detail, field).getBytes(StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(buffer));
    }

    /**
     * The problem document itself, for answers written below Spring (on the connection, before a
     * request could be read; see {@code connections.WireRefusals}).
     */
    public static String body(HttpStatus status, String type, String detail, String field) {
        return "{\"type\":\"" + TYPE_BASE + type + "\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
                + status.value() + ",\"detail\":\"" + json(detail) + "\""
                + (field == null ? "" : ",\"field\":\"" + json(field) + "\"") + "}";
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
