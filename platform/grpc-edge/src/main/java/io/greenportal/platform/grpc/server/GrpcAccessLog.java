package io.greenportal.platform.grpc.server;

import java.util.Map;

import io.grpc.ForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One line per finished call (method, status, time). It runs inside the call's observation, takes
 * the log context (trace, span and request ids) when the call starts and writes the line with it,
 * whichever thread closes the call (a long stream ends on its own thread).
 */
public class GrpcAccessLog implements ServerInterceptor {

    private static final Logger log = LoggerFactory.getLogger("io.greenportal.grpc.access");

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
            ServerCallHandler<Q, R> next) {
        Map<String, String> context = MDC.getCopyOfContextMap();
        long start = System.nanoTime();
        return next.startCall(new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
            @Override
            public void close(Status status, Metadata trailers) {
                Map<String, String> outer = MDC.getCopyOfContextMap();
                MDC.setContextMap(context == null ? Map.of() : context);
                try {
                    log.info("{} {} {} ms", call.getMethodDescriptor().getFullMethodName(), status.getCode(),
                            (System.nanoTime() - start) / 1_000_000);
                } finally {
                    MDC.setContextMap(outer == null ? Map.of() : outer);
                }
                super.close(status, trailers);
            }
        }, headers);
    }
}
