package io.greenportal.gateway.web;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;

/**
 * Requests the security firewall refuses outright (encoded slashes or null bytes in the path, and
 * the like) get a problem detail like every other refusal, not an empty 400. The connection is
 * closed after the answer: the refused request's body was never read, and a client that sent its
 * next request on the same connection waited for an answer that never came.
 */
@Configuration(proxyBeanMethods = false)
public class RejectedRequests {

    /** The methods the firewall lets through (Spring Security's StrictServerWebExchangeFirewall). */
    static final List<String> ALLOWED_METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH",
            "DELETE", "OPTIONS");

    @Bean
    ServerExchangeRejectedHandler problemForRejectedRequests() {
        return (exchange, rejected) -> {
            exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
            // TRACE, PROPFIND and the like: the firewall refuses any method outside these
            String method = exchange.getRequest().getMethod().name();
            if (!ALLOWED_METHODS.contains(method)) {
                exchange.getResponse().getHeaders().set(HttpHeaders.ALLOW, String.join(", ", ALLOWED_METHODS));
                return Problems.write(exchange.getResponse(), HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed",
                        method + " is not allowed here");
            }
            if (SitePages.isSitePage(exchange)) {
                return SitePages.write(exchange.getResponse(), HttpStatus.BAD_REQUEST, "链接无效",
                        "网址中含有不允许的字符。请检查链接是否完整，或返回首页重新搜索。");
            }
            // Spring Security's firewall says "URL" when it refused the path (%00, %2F, .., ;params, //)
            boolean path = rejected.getMessage() != null && rejected.getMessage().contains("URL");
            return path
                    ? Problems.write(exchange.getResponse(), HttpStatus.BAD_REQUEST, "rejected-request",
                            "The request's path contains characters or segments that are not allowed", "path")
                    : Problems.write(exchange.getResponse(), HttpStatus.BAD_REQUEST, "rejected-request",
                            "The request's path or headers contain characters that are not allowed");
        };
    }
}
