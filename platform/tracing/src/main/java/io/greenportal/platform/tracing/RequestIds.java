package io.greenportal.platform.tracing;

/**
 * The request id a client sees in {@code X-Request-Id}. The gateway assigns it (the caller's own when
 * it is a sane token, else the trace id written as a UUID); from there it travels as tracing baggage
 * of the same name: over HTTP and gRPC with the trace context, into the MDC of every log line under
 * the same key, and into problem details as {@code requestId}.
 */
public final class RequestIds {

    /** The header, the baggage field and the MDC key. */
    public static final String HEADER = "X-Request-Id";

    private RequestIds() {
    }

    /** A trace id (32 hex digits) in the layout of a UUID, so clients that expect one get one. */
    public static String fromTraceId(String traceId) {
        if (traceId == null || traceId.length() != 32) {
            throw new IllegalArgumentException("not a W3C trace id: " + traceId);
        }
        return traceId.substring(0, 8) + "-" + traceId.substring(8, 12) + "-" + traceId.substring(12, 16) + "-"
                + traceId.substring(16, 20) + "-" + traceId.substring(20);
    }
}
