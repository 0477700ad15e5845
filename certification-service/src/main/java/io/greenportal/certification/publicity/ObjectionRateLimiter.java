package io.greenportal.certification.publicity;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.greenportal.platform.web.ApiException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Limits objections per client (a fixed window in Redis, shared by every instance of the service).
 * If Redis is down the limit fails open: objection intake is a public right, and the gateway limits
 * request rates too.
 */
@Component
public class ObjectionRateLimiter {

    private static final Logger log = LoggerFactory.getLogger(ObjectionRateLimiter.class);

    private final StringRedisTemplate redis;
    private final int max;
    private final Duration window;
    private final String prefix;

    public ObjectionRateLimiter(StringRedisTemplate redis,
            @Value("${greenportal.objections.rate-limit.max:5}") int max,
            @Value("${greenportal.objections.rate-limit.window:10m}") Duration window,
            @Value("${greenportal.objections.rate-limit.key-prefix:gp:certification:objections:}") String prefix) {
        this.redis = redis;
        this.max = max;
        this.window = window;
        this.prefix = prefix;
    }

    /** Counts one attempt by this client; 429 with Retry-After once it is over the limit. */
    public void acquire(String client) {
        String key = prefix + io.greenportal.platform.clientaddress.Subscribers.of(client); // an IPv6 /64 is one client
        Long count;
        Long ttl;
        try {
            redis.opsForValue().setIfAbsent(key, "0", window);
            count = redis.opsForValue().increment(key);
            ttl = redis.getExpire(key, TimeUnit.SECONDS);
            if (ttl != null && ttl < 0) {
                redis.expire(key, window);
                ttl = window.toSeconds();
            }
        } catch (RuntimeException e) {
            log.warn("objection rate limit not checked, Redis unavailable: {}", e.toString());
            return;
        }
        if (count != null && count > max) {
            long retryAfter = Math.max(1, ttl == null ? window.toSeconds() : ttl);
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", null, "At most " + max
                    + " objections per " + window.toMinutes() + " minutes from one client; try again in "
                    + retryAfter + " seconds")
                    .withHeader("Retry-After", Long.toString(retryAfter))
                    .withProperty("retryAfterSeconds", retryAfter);
        }
    }
}
