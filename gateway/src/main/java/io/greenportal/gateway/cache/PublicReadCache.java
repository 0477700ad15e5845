package io.greenportal.gateway.cache;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

import org.reactivestreams.Publisher;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A micro-cache for anonymous reads of the public showcase: on a publicity day thousands of people
 * ask the same few questions within the same second. A response is kept only when its service
 * marked it {@code Cache-Control: public} with a {@code max-age} (never {@code private},
 * {@code no-store} or {@code no-cache}, nor with {@code Set-Cookie} or a {@code Vary} on anything but
 * {@code Accept-Encoding}, which is part of the key, as is {@code Accept}), for that
 * max-age but at most {@code max-age-cap}, and only for requests without credentials, so nothing
 * one caller may see alone can reach another. Routes opt in with the metadata
 * {@code cache-public-reads: true}. Hits are answered here with an {@code Age} header, and a
 * matching {@code If-None-Match} (or, without one, an {@code If-Modified-Since} not older than the
 * answer) with 304.
 * <p>
 * Two rules keep a crowd from falling on the service all at once (as a reverse proxy's cache lock
 * and stale-if-error do): identical requests that miss at the same moment wait for the first one's
 * answer instead of all going to the service (at most {@code coalesce-wait}), and an answer past its
 * freshness is kept for {@code stale-if-error} more, served while its successor is being fetched and
 * in place of a 5xx (a failing or overloaded service, an open circuit), with its true {@code Age}.
 * <p>
 * An answer is kept only once its request has been asked {@code min-uses} times within the
 * stale-if-error time (identical requests waiting for it count), as nginx's
 * {@code proxy_cache_min_uses}: a search asked once is passed on without a copy, so the varied
 * searches of a crowd do not fill the memory with answers no one asks for again.
 */
@Component
public class PublicReadCache implements GlobalFilter, Ordered {

    /** Route metadata that lets the route's anonymous GET answers be cached here. */
    public static final String ROUTE_METADATA = "cache-public-reads";
    /** Requests whose asks are counted (about 100 bytes each). */
    static final int ASKS_REMEMBERED = 65_536;

    private final PublicReadCacheProperties properties;
    private final Cache<String, CachedAnswer> answers;
    /** The requests now on their way to the service, by key; completed when their answer is in. */
    private final ConcurrentHashMap<String, CompletableFuture<Void>> inFlight = new ConcurrentHashMap<>();
    private final AtomicInteger waiting = new AtomicInteger();
    /** How many times each recent request was asked, by its key's hash (a collision only keeps an answer sooner). */
    private final Cache<Integer, AtomicInteger> asks;

    public PublicReadCache(PublicReadCacheProperties properties, MeterRegistry meters) {
        this.properties = properties;
        this.answers = Caffeine.newBuilder()
                .maximumWeight(properties.maxBytes().toBytes())
                .weigher((String key, CachedAnswer answer) -> key.length() * 2 + answer.body().length + 512)
                .expireAfter(Expiry.creating((String key, CachedAnswer answer) -> answer.ttl().plus(properties.staleIfError())))
                .recordStats()
                .executor(Runnable::run) // evict on the event loop: no pool task woken per new answer
                .build();
        this.asks = Caffeine.newBuilder().maximumSize(ASKS_REMEMBERED).expireAfterWrite(properties.staleIfError())
                .executor(Runnable::run) // one new entry per new question: waking a pool thread for each cost more
                .build();
        CaffeineCacheMetrics.monitor(meters, answers, "gateway.public-reads");
        meters.gauge("gateway.public-reads.waiting", waiting);
    }

    @Override
    public int getOrder() {
        return -50; // after rate limits (a cached answer still counts) and body limits
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (!properties.enabled() || !cacheable(exchange)) {
            return chain.filter(exchange);
        }
        ServerHttpRequest request = exchange.getRequest();
        // the services choose an answer's format by Accept without saying Vary: Accept, so an answer
        // is kept per Accept (else one caller's odd Accept would choose the format for everyone)
        String key = request.getURI().getRawPath() + "?" + request.getURI().getRawQuery() + " " + encoding(request)
                + " " + request.getHeaders().getFirst(HttpHeaders.ACCEPT);
        CachedAnswer stored = answers.getIfPresent(key);
        if (stored != null && stored.fresh()) {
            return answer(exchange, stored);
        }
        // an answer kept before is kept again when refreshed (fetch); only new requests are counted
        BooleanSupplier askedEnough = stored == null ? countAsk(key) : () -> true;
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> first = inFlight.putIfAbsent(key, mine);
        if (first == null) {
            return fetch(exchange, chain, key, stored, askedEnough).doFinally(signal -> {
                inFlight.remove(key, mine);
                mine.complete(null);
            });
        }
        if (stored != null) { // its successor is on its way
            return answer(exchange, stored);
        }
        waiting.incrementAndGet();
        return Mono.fromFuture(first, true).timeout(properties.coalesceWait()).onErrorComplete()
                .doFinally(signal -> waiting.decrementAndGet())
                .then(Mono.defer(() -> {
                    CachedAnswer fetched = answers.getIfPresent(key);
                    return fetched != null && fetched.fresh() ? answer(exchange, fetched)
                            : fetch(exchange, chain, key, fetched, askedEnough);
                }));
    }

    private static Mono<Void> answer(ServerWebExchange exchange, CachedAnswer stored) {
        return stored.writeTo(exchange);
    }

    /** Counts this ask of a request; its answer is worth keeping once the count reaches min-uses. */
    private BooleanSupplier countAsk(String key) {
        if (properties.minUses() <= 1) {
            return () -> true;
        }
        AtomicInteger count = asks.get(key.hashCode(), hash -> new AtomicInteger());
        count.incrementAndGet();
        return () -> count.get() >= properties.minUses();
    }

    /**
     * Asks the service, keeping its answer when allowed and asked for often enough (or when it
     * succeeds one kept before), or standing {@code stale} in for a 5xx.
     */
    private Mono<Void> fetch(ServerWebExchange exchange, GatewayFilterChain chain, String key, CachedAnswer stale,
            BooleanSupplier askedEnough) {
        // what the gateway itself has said so far (CORS, rate limits) is per request, never stored
        HttpHeaders gatewaySaid = HttpHeaders.copyOf(exchange.getResponse().getHeaders());
        BooleanSupplier worthKeeping = stale != null ? () -> true : askedEnough;
        return chain.filter(exchange.mutate().response(
                new Recorder(exchange, key, gatewaySaid, stale, worthKeeping)).build());
    }

    /**
     * The one request header an answer may vary by ({@code Vary: Accept-Encoding}, the public
     * site's compressed pages): whether the caller takes gzip, the only coding the services use.
     */
    private static String encoding(ServerHttpRequest request) {
        for (String value : request.getHeaders().getOrEmpty(HttpHeaders.ACCEPT_ENCODING)) {
            for (String coding : value.split(",")) {
                String[] parts = coding.trim().toLowerCase(java.util.Locale.ROOT).split(";");
                boolean refused = parts.length > 1 && parts[1].replace(" ", "").matches("q=0(\\.0*)?");
                if ((parts[0].equals("gzip") || parts[0].equals("*")) && !refused) {
                    return "gzip";
                }
            }
        }
        return "identity";
    }

    private static boolean onlyVariesByEncoding(HttpHeaders headers) {
        for (String value : headers.getOrEmpty(HttpHeaders.VARY)) {
            for (String name : value.split(",")) {
                if (!name.trim().equalsIgnoreCase(HttpHeaders.ACCEPT_ENCODING)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean cacheable(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (route == null || !Boolean.parseBoolean(String.valueOf(route.getMetadata().get(ROUTE_METADATA)))) {
            return false;
        }
        ServerHttpRequest request = exchange.getRequest();
        HttpHeaders headers = request.getHeaders();
        return request.getMethod() == HttpMethod.GET
                && !headers.containsHeader(HttpHeaders.AUTHORIZATION)
                && !headers.containsHeader(HttpHeaders.COOKIE)
                && !CacheControl.parse(headers.get(HttpHeaders.CACHE_CONTROL)).forbidsStoring();
    }

    /** Passes the service's answer on, keeping a copy when the service allowed it. */
    private final class Recorder extends ServerHttpResponseDecorator {

        private final String key;
        private final HttpHeaders gatewaySaid;
        private final CachedAnswer stale;
        /** The exchange as it reached this filter: its response is the one decorated here. */
        private final ServerWebExchange exchange;
        private final BooleanSupplier worthKeeping;

        Recorder(ServerWebExchange exchange, String key, HttpHeaders gatewaySaid, CachedAnswer stale,
                BooleanSupplier worthKeeping) {
            super(exchange.getResponse());
            this.worthKeeping = worthKeeping;
            this.key = key;
            this.gatewaySaid = gatewaySaid;
            this.stale = stale;
            this.exchange = exchange;
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            HttpStatusCode status = getDelegate().getStatusCode();
            if (stale != null && status != null && status.is5xxServerError()) {
                return Flux.from(body).doOnNext(DataBufferUtils::release).then(Mono.defer(this::standIn));
            }
            // asked for often enough by now (those waiting for this answer count)?
            Duration ttl = worthKeeping.getAsBoolean() ? storableFor(getDelegate()) : null;
            if (ttl == null) {
                return super.writeWith(body);
            }
            // passed on as it arrives, with a copy kept while it stays within an entry's size (a
            // larger answer is simply not kept: its body can be read only once)
            long limit = properties.maxEntryBytes().toBytes();
            ByteArrayOutputStream copy = new ByteArrayOutputStream();
            boolean[] tooLarge = {false};
            Flux<DataBuffer> passedOn = Flux.<DataBuffer>from(body).doOnNext(buffer -> {
                if (tooLarge[0]) {
                    return;
                }
                if (copy.size() + buffer.readableByteCount() > limit) {
                    tooLarge[0] = true;
                    copy.reset();
                    return;
                }
                byte[] bytes = new byte[buffer.readableByteCount()];
                int start = buffer.readPosition();
                buffer.read(bytes);
                buffer.readPosition(start);
                copy.writeBytes(bytes);
            }).doOnComplete(() -> {
                if (!tooLarge[0]) {
                    answers.put(key, CachedAnswer.of(serviceHeaders(), copy.toByteArray(), ttl));
                }
            });
            return super.writeWith(passedOn);
        }

        /** The last good answer instead of the service's (or the circuit's) 5xx. */
        private Mono<Void> standIn() {
            HttpHeaders headers = getDelegate().getHeaders();
            headers.clear();
            headers.putAll(gatewaySaid);
            return stale.writeTo(exchange);
        }

        /** The headers the service added to the answer (those the gateway set before routing left out). */
        private HttpHeaders serviceHeaders() {
            HttpHeaders service = new HttpHeaders();
            getDelegate().getHeaders().forEach((name, values) -> {
                List<String> before = gatewaySaid.get(name);
                List<String> added = before == null ? values
                        : values.stream().filter(value -> !before.contains(value)).toList();
                if (!added.isEmpty()) {
                    service.put(name, List.copyOf(added));
                }
            });
            return service;
        }

        private Duration storableFor(ServerHttpResponse response) {
            if (response.getStatusCode() != HttpStatus.OK) {
                return null;
            }
            HttpHeaders headers = serviceHeaders();
            if (headers.containsHeader(HttpHeaders.SET_COOKIE) || !onlyVariesByEncoding(headers)) {
                return null;
            }
            CacheControl control = CacheControl.parse(headers.get(HttpHeaders.CACHE_CONTROL));
            if (!control.isPublic() || control.forbidsStoring() || control.maxAge() == null || control.maxAge().isZero()) {
                return null;
            }
            Duration ttl = control.maxAge().compareTo(properties.maxAgeCap()) > 0 ? properties.maxAgeCap() : control.maxAge();
            return ttl.isZero() || ttl.isNegative() ? null : ttl;
        }
    }

    /** Requests now waiting for an identical one's answer (also the gauge gateway.public-reads.waiting). */
    int waiting() {
        return waiting.get();
    }

    long size() {
        answers.cleanUp();
        return answers.estimatedSize();
    }

    void clear() {
        answers.invalidateAll();
    }

    List<String> keys() {
        return List.copyOf(answers.asMap().keySet());
    }
}
