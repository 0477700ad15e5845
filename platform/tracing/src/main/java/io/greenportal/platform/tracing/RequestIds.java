package io.greenportal.platform.tracing;

/**
 * The request id a client sees in {@code X-Request-Id}. The gateway assigns it (the caller's own when
 * it is a sane token, else a new UUID); from there it travels as tracing baggage of the same name:
 * over HTTP and gRPC with the trace context, into the MDC of every log line under the same key (next
 * to the trace id), and into problem details as {@code requestId}.
 */
public final class RequestIds {

    /** The header, the baggage field and the MDC key. */
    public static final String HEADER = "X-Request-Id";

    private RequestIds() {
    }
}
