package io.greenportal.incentive.webhook;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

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

    /**
     * The wait before the next attempt after {@code failures} consecutive failures: the
     * {@code failures}-th step of Spring's {@link ExponentialBackOff} from backoffBase, doubling, at
     * most backoffMax (the count is stored with the delivery, so no execution runs between attempts).
     */
    public Duration backoff(int failures) {
        ExponentialBackOff doubling = new ExponentialBackOff(backoffBase.toMillis(), 2.0);
        doubling.setMaxInterval(backoffMax.toMillis());
        BackOffExecution waits = doubling.start();
        long wait = waits.nextBackOff();
        for (int step = 1; step < failures && wait < backoffMax.toMillis(); step++) {
            wait = waits.nextBackOff();
        }
        return Duration.ofMillis(wait);
    }
}
