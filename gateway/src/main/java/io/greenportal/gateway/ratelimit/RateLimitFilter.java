package io.greenportal.gateway.ratelimit;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

import io.greenportal.gateway.redis.RedisGuard;
import io.greenportal.platform.clientaddress.Subscribers;
import io.greenportal.gateway.web.ClientAddress;
import io.greenportal.gateway.web.Problems;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Limits every routed request with Spring Cloud Gateway's Redis token bucket (one Lua call, atomic)
 * and answers 429 with Retry-After and a problem body. A caller with plenty of tokens left does not
 * wait for Redis's answer ({@link BucketHeadroom}). When Redis cannot answer (unreachable, hung, or
 * its {@link RedisGuard} circuit open) the caller's bucket in the gateway's own memory decides
 * ({@link LocalBuckets}): limits stay on, and no request waits on Redis for more than a moment.
 */
@Component
public class RateLimitFilter implements GlobalFilter, Ordered {

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private final RateLimitProperties properties;
    private final ClientAddress clientAddress;
    private final ApplicationContext context;
    private final RedisGuard redis;
    private final Map<String, BucketLimiter> limiters = new ConcurrentHashMap<>();
    private final BucketHeadroom headroom;
    private final LocalBuckets local = new LocalBuckets(100_000, System::nanoTime);
    private final Counter earlyAdmissions;
    private final Counter localDecisions;

    public RateLimitFilter(RateLimitProperties properties, ClientAddress clientAddress, ApplicationContext context,
            RedisGuard redis, MeterRegistry meters) {
        this.properties = properties;
        this.earlyAdmissions = Counter.builder("gateway.rate.limit.early.admissions")
                .description("requests let through on Redis's recent count, without waiting for its answer").register(meters);
        this.localDecisions = Counter.builder("gateway.rate.limit.local.decisions")
                .description("requests decided by the gateway's own buckets because Redis could not answer").register(meters);
        this.redis = redis;
        this.clientAddress = clientAddress;
        this.context = context;
        this.headroom = new BucketHeadroom(properties.headroomFreshFor(), 100_000, System::nanoTime);
    }

    @Override
    public int getOrder() {
        return -100;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (!properties.enabled()) {
            return chain.filter(exchange);
        }
        return exchange.getPrincipal()
                .map(RateLimitFilter::callerKey)
                // an IPv6 subscriber counts by its /64: it may use any address of it
                .defaultIfEmpty("address:" + Subscribers.of(clientAddress.of(exchange)))
                .flatMap(caller -> {
                    String bucket = bucket(exchange, caller.startsWith("address:"));
                    RateLimitPolicy policy = policy(bucket);
                    String key = properties.namespace() + "." + bucket;
                    String callerKey = key + "|" + caller;
                    BucketLimiter limiter = limiter(bucket, policy);
                    OptionalLong early = headroom.admitEarly(callerKey, policy);
                    Mono<RateLimiter.Response> decision = redis
                            .call(limiter.redis().isAllowed(key, caller), RateLimitFilter::noAnswer)
                            .doOnNext(response -> headroom.answered(callerKey, response))
                            .doOnCancel(() -> headroom.abandoned(callerKey))
                            .map(response -> counted(response) ? response : locally(callerKey, policy, limiter));
                    if (early.isPresent()) {
                        decision.subscribe(); // Redis still counts this request; nobody waits for it
                        earlyAdmissions.increment();
                        limiter.redis().getHeaders(limiter.config(), early.getAsLong()).forEach(exchange.getResponse().getHeaders()::add);
                        return chain.filter(exchange);
                    }
                    return decision.flatMap(response -> {
                        response.getHeaders().forEach(exchange.getResponse().getHeaders()::add);
                        if (response.isAllowed()) {
                            return chain.filter(exchange);
                        }
                        exchange.getResponse().getHeaders().set("Retry-After", Long.toString(policy.retryAfterSeconds()));
                        if (!normalised(exchange.getRequest().getPath().value()).startsWith("/api/")) {
                            return tooManyPage(exchange, policy.retryAfterSeconds());
                        }
                        return Problems.write(exchange.getResponse(), HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                                "Too many requests; retry after " + policy.retryAfterSeconds() + " s");
                    });
                });
    }

    /** The guard's answer when it does not ask Redis: no count (headroom learns nothing from it). */
    private static RateLimiter.Response noAnswer() {
        return new RateLimiter.Response(true, Map.of());
    }

    /** Redis counted the request; not so with the guard's answer, nor the limiter's own on a Redis error (-1 left). */
    private static boolean counted(RateLimiter.Response response) {
        String remaining = response.getHeaders().get(RedisRateLimiter.REMAINING_HEADER);
        return remaining != null && !remaining.startsWith("-");
    }

    private RateLimiter.Response locally(String callerKey, RateLimitPolicy policy, BucketLimiter limiter) {
        localDecisions.increment();
        long left = local.take(callerKey, policy);
        return new RateLimiter.Response(left >= 0, limiter.redis().getHeaders(limiter.config(), Math.max(left, 0)));
    }

    /** Authenticated callers are limited per client and, for people, per user. */
    static String callerKey(java.security.Principal principal) {
        if (principal instanceof JwtAuthenticationToken jwt) {
            return "client:" + jwt.getToken().getClaimAsString("azp") + ":" + jwt.getToken().getSubject();
        }
        if (principal instanceof OAuth2AuthenticationToken oauth) {
            return "client:" + oauth.getAuthorizedClientRegistrationId() + ":" + oauth.getName();
        }
        return "principal:" + principal.getName();
    }

    /** A route with a bucket of its own: POSTs whose normalised path matches the pattern. */
    public record RouteLimit(String bucket, String pattern) {
    }

    /**
     * Every route-specific limit. The API's objection intake and the public site's form (which files
     * through it) share one bucket.
     */
    public static final java.util.List<RouteLimit> ROUTE_LIMITS = java.util.List.of(
            new RouteLimit("objections", "/api/v1/certification/applications/*/objections"),
            new RouteLimit("objections", "/publicity/*/objection"),
            new RouteLimit("batch-verification", "/api/v1/incentives/verifications/batch"));

    static String bucket(ServerWebExchange exchange, boolean anonymous) {
        HttpMethod method = exchange.getRequest().getMethod();
        if (method != HttpMethod.POST) { // most requests: decided without looking at the path
            return anonymous ? "anonymous" : "authenticated";
        }
        String path = normalised(exchange.getRequest().getPath().value());
        for (RouteLimit route : ROUTE_LIMITS) {
            if (PATHS.match(route.pattern(), path)) {
                return route.bucket();
            }
        }
        return anonymous ? "anonymous" : "authenticated";
    }

    /**
     * The path as the application behind the gateway will read it: percent-escapes decoded,
     * {@code ;parameters} dropped, empty and {@code .} segments removed, {@code ..} resolved, no
     * trailing slash. Route-specific limits are chosen on it, so that {@code /publicity//x/objection},
     * {@code /publicity/x/%6Fbjection} or {@code /publicity/x/objection;v=1} cannot slip into the
     * general bucket while reaching the same handler.
     */
    static String normalised(String rawPath) {
        java.util.Deque<String> segments = new java.util.ArrayDeque<>();
        for (String segment : rawPath.split("/")) {
            int parameters = segment.indexOf(';');
            String name = parameters < 0 ? segment : segment.substring(0, parameters);
            try {
                name = org.springframework.web.util.UriUtils.decode(name, java.nio.charset.StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformed) {
                // left as sent: the application refuses it too
            }
            if (name.isEmpty() || name.equals(".")) {
                continue;
            }
            if (name.equals("..")) {
                segments.pollLast();
            } else {
                segments.addLast(name);
            }
        }
        return "/" + String.join("/", segments);
    }

    /** A refusal of a page (the public site's form) is a page too, in the site's language. */
    private static Mono<Void> tooManyPage(ServerWebExchange exchange, long retryAfterSeconds) {
        long minutes = Math.max(1, (retryAfterSeconds + 59) / 60);
        return io.greenportal.gateway.web.SitePages.write(exchange.getResponse(), HttpStatus.TOO_MANY_REQUESTS, "请求过于频繁",
                "您的请求过于频繁，请约 " + minutes + " 分钟后再试。如您正在提交异议，内容尚未提交，请返回上一页保留填写的内容。");
    }

    private RateLimitPolicy policy(String bucket) {
        return switch (bucket) {
            case "objections" -> properties.objections();
            case "batch-verification" -> properties.batchVerification();
            case "anonymous" -> properties.anonymous();
            default -> properties.authenticated();
        };
    }

    /** Spring Cloud Gateway's Redis limiter for a bucket, and its settings (for the headers of early admissions). */
    private record BucketLimiter(RedisRateLimiter redis, RedisRateLimiter.Config config) {
    }

    private BucketLimiter limiter(String bucket, RateLimitPolicy policy) {
        return limiters.computeIfAbsent(bucket, b -> {
            var limiter = new RedisRateLimiter(policy.replenishRate(), policy.burstCapacity(), policy.requestedTokens());
            limiter.setApplicationContext(context);
            return new BucketLimiter(limiter, new RedisRateLimiter.Config().setReplenishRate(policy.replenishRate())
                    .setBurstCapacity(policy.burstCapacity()).setRequestedTokens(policy.requestedTokens()));
        });
    }
}
