package io.greenportal.incentive.webhook;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Webhook delivery settings ({@code greenportal.incentive.webhooks.*}).
 *
 * @param secretKey key material for encrypting subscribers' secrets at rest (AES-256-GCM of its SHA-256)
 * @param allowLoopback whether http(s) to 127.0.0.1/::1/localhost is allowed (development); production turns it off
 * @param allowPrivateNetworks whether private addresses (10/8, 172.16/12, 192.168/16, fc00::/7, 100.64/10) are allowed
 * @param backoffBase the wait after the first failed attempt; doubled after each further failure
 * @param backoffMax the longest wait between attempts
 * @param maxAttempts attempts before a delivery is given up as FAILED (a bank can replay it)
 * @param maxWatchList how many credit codes a bank may name itself in {@code watchUsccs}
 * @param maxScreeningWatchList how many matched firms a watched portfolio screening may bring: at least
 *        the registry's largest portfolio (100,000 rows), so any screening can be watched whole
 */
@ConfigurationProperties("greenportal.incentive.webhooks")
public record WebhookProperties(String secretKey, boolean allowLoopback, boolean allowPrivateNetworks,
        Duration backoffBase, Duration backoffMax, int maxAttempts, Duration connectTimeout, Duration requestTimeout,
        Duration pollInterval, Duration lease, int concurrency, int maxSubscriptionsPerBank, int maxWatchList,
        int maxScreeningWatchList) {

    /** The wait before the next attempt after {@code failures} consecutive failures. */
    public Duration backoff(int failures) {
        long factor = 1L << Math.min(Math.max(failures - 1, 0), 30);
        Duration wait = backoffBase.multipliedBy(factor);
        return wait.compareTo(backoffMax) > 0 || wait.isNegative() ? backoffMax : wait;
    }
}
