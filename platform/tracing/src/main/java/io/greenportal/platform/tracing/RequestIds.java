package io.greenportal.platform.tracing;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The request id a client sees in {@code X-Request-Id}. The gateway assigns it (the caller's own when
 * it is a sane token, else a new UUID); from there it travels as tracing baggage of the same name:
 * over HTTP and gRPC with the trace context, into the MDC of every log line under the same key (next
 * to the trace id), and into problem details as {@code requestId}. A service called without the
 * gateway applies the same rule before the id becomes baggage.
 */
public final class RequestIds {

    /** The header, the baggage field and the MDC key. */
    public static final String HEADER = "X-Request-Id";

    /** Short enough for any header list (gRPC's is 8 KiB), and nothing a log line could be forged with. */
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{8,64}");

    private RequestIds() {
    }

    /** The caller's id when it is sane, else a new one. */
    public static String acceptOrNew(String offered) {
        return offered != null && SANE.matcher(offered).matches() ? offered : newId();
    }

    /** A random UUID: an id needs to be unique, not unguessable (UUID.randomUUID reads /dev/urandom). */
    public static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = random.nextLong() & ~0xF000L | 0x4000L; // version 4
        long low = random.nextLong() & ~(3L << 62) | (2L << 62); // IETF variant
        return new UUID(high, low).toString();
    }
}
