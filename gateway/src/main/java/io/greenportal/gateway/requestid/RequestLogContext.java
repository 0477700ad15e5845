package io.greenportal.gateway.requestid;

import java.util.Map;
import java.util.Optional;

import io.greenportal.platform.tracing.RequestIds;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.handler.TracingObservationHandler;

import org.slf4j.MDC;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;

/**
 * The trace id, span id and request id of a request, put in the logging context around one log
 * line. The gateway does not copy thread-locals across every reactive signal (that cost about a
 * quarter of its CPU per request: {@code spring.reactor.context-propagation: limited}), so a line
 * logged for a request says explicitly which request it is.
 */
public final class RequestLogContext {

    static final String REQUEST_ID = RequestLogContext.class.getName() + ".requestId";

    private RequestLogContext() {
    }

    static void remember(ServerWebExchange exchange, String requestId) {
        exchange.getAttributes().put(REQUEST_ID, requestId);
    }

    /** Runs {@code line} with this request's ids in the MDC, then restores what was there. */
    public static void log(ServerWebExchange exchange, Runnable line) {
        Map<String, String> outer = MDC.getCopyOfContextMap();
        trace(exchange).ifPresent(trace -> {
            MDC.put("traceId", trace.traceId());
            MDC.put("spanId", trace.spanId());
        });
        Object requestId = exchange.getAttributes().get(REQUEST_ID);
        if (requestId != null) {
            MDC.put(RequestIds.HEADER, requestId.toString());
        }
        try {
            line.run();
        } finally {
            MDC.setContextMap(outer == null ? Map.of() : outer);
        }
    }

    /** The trace of this request (its server observation is started before any filter runs). */
    private static Optional<TraceContext> trace(ServerWebExchange exchange) {
        return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(context -> (TracingObservationHandler.TracingContext) context
                        .get(TracingObservationHandler.TracingContext.class))
                .map(TracingObservationHandler.TracingContext::getSpan)
                .map(span -> span.context());
    }
}
