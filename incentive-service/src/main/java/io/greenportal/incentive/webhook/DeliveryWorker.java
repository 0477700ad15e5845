package io.greenportal.incentive.webhook;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import io.micrometer.core.instrument.MeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends due webhook deliveries: claims them under a lease, POSTs the signed JSON, and records the
 * outcome. A failure (no 2xx, a timeout, a refused address) is retried with exponential back-off
 * until the attempts are used up. The worker sleeps until the next delivery falls due or until
 * {@link #wake()} says new deliveries exist.
 */
@Component
public class DeliveryWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    static final int BATCH = 50;

    private final DeliveryStore deliveries;
    private final SubscriptionStore subscriptions;
    private final SecretBox secrets;
    private final WebhookUrls urls;
    private final WebhookProperties properties;
    private final Clock clock;
    private final WebhookHttp http;
    private final MeterRegistry meters;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition signal = lock.newCondition();
    private boolean woken;
    private volatile boolean running;
    private Thread loop;
    private ExecutorService senders;
    private Semaphore inFlight;

    public DeliveryWorker(DeliveryStore deliveries, SubscriptionStore subscriptions, SecretBox secrets,
            WebhookUrls urls, WebhookProperties properties, Clock clock, MeterRegistry meters, WebhookHttp http) {
        this.meters = meters;
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.secrets = secrets;
        this.urls = urls;
        this.properties = properties;
        this.clock = clock;
        // never follows redirects; connects only to addresses the URL policy allows (its DNS resolver checks)
        this.http = http;
    }

    /** New deliveries exist: look now rather than at the next poll. */
    public void wake() {
        lock.lock();
        try {
            woken = true;
            signal.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void start() {
        running = true;
        senders = Executors.newVirtualThreadPerTaskExecutor();
        inFlight = new Semaphore(Math.max(1, properties.concurrency()));
        loop = Thread.ofPlatform().daemon().name("webhook-deliveries").start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        wake();
        if (loop != null) {
            loop.interrupt();
            try {
                loop.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (senders != null) {
            senders.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before the feed follower that wakes it, and stops after it. */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 1;
    }

    private void run() {
        while (running) {
            try {
                int claimed = claimAndSend();
                if (claimed < BATCH) {
                    sleepUntilDue();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("webhook worker: {}", e.toString());
                sleep(properties.pollInterval());
            }
        }
    }

    private int claimAndSend() throws InterruptedException {
        int free = Math.min(BATCH, inFlight.availablePermits());
        if (free == 0) {
            inFlight.acquire();
            inFlight.release();
            return BATCH;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<DeliveryStore.Claimed> due = deliveries.claimDue(now, now.plus(properties.lease()), free);
        for (DeliveryStore.Claimed claimed : due) {
            inFlight.acquire();
            senders.submit(() -> {
                try {
                    send(claimed);
                } catch (RuntimeException e) {
                    log.warn("webhook delivery {} could not be recorded: {}", claimed.eventId(), e.toString());
                } finally {
                    inFlight.release();
                }
            });
        }
        return due.size();
    }

    private void sleepUntilDue() throws InterruptedException {
        Duration wait = properties.pollInterval();
        var next = deliveries.nextDue();
        if (next.isPresent()) {
            Duration untilDue = Duration.between(OffsetDateTime.now(clock), next.get());
            if (untilDue.compareTo(wait) < 0) {
                wait = untilDue.isNegative() ? Duration.ofMillis(10) : untilDue.plusMillis(5);
            }
        }
        lock.lock();
        try {
            long nanos = wait.toNanos();
            while (!woken && nanos > 0 && running) {
                nanos = signal.awaitNanos(nanos);
            }
            woken = false;
        } finally {
            lock.unlock();
        }
    }

    /** One attempt: sign, check where the URL leads now, POST, record. */
    void send(DeliveryStore.Claimed claimed) {
        var target = subscriptions.target(claimed.subscriptionId());
        if (target.isEmpty()) {
            return; // deleted or paused meanwhile; the lease runs out and the delivery waits
        }
        URI uri = URI.create(target.get().url());
        long started = System.nanoTime();
        OffsetDateTime at = OffsetDateTime.now(clock);
        Integer status = null;
        String error;
        String refusal = urls.refusal(uri);
        if (refusal != null) {
            error = "Not sent: " + refusal + ".";
        } else {
            long timestamp = at.toEpochSecond();
            String signature = Signatures.sign(secrets.open(target.get().sealedSecret()), timestamp, claimed.payload());
            try {
                status = http.post(uri, java.util.Map.of(
                        Signatures.EVENT_ID, claimed.eventId(),
                        Signatures.TIMESTAMP, Long.toString(timestamp),
                        Signatures.SIGNATURE, signature), claimed.payload());
                error = status >= 200 && status < 300 ? null : "the endpoint answered HTTP " + status;
            } catch (IOException e) {
                error = DeliveryErrors.describe(e, uri, properties);
            }
        }
        int duration = (int) TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        OffsetDateTime done = OffsetDateTime.now(clock);
        if (error == null) {
            deliveries.recordAttempt(claimed, at, status, null, duration, "DELIVERED", null);
            meters.counter("greenportal.webhook.attempts", "outcome", "delivered").increment();
            return;
        }
        int failures = claimed.roundAttempts() + 1;
        boolean givingUp = failures >= properties.maxAttempts();
        meters.counter("greenportal.webhook.attempts", "outcome", givingUp ? "failed" : "retry").increment();
        if (givingUp) {
            log.info("webhook delivery {} failed {} times; giving up: {}", claimed.eventId(), failures, error);
            deliveries.recordAttempt(claimed, at, status, truncate(error), duration, "FAILED", null);
        } else {
            deliveries.recordAttempt(claimed, at, status, truncate(error), duration, "PENDING",
                    done.plus(properties.backoff(failures)));
        }
    }

    private static String truncate(String error) {
        return error.length() > 500 ? error.substring(0, 500) : error;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
