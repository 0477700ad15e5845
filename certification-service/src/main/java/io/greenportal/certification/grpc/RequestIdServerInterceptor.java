package io.greenportal.certification.grpc;

import io.greenportal.certification.web.RequestIdFilter;
import io.grpc.ForwardingServerCall;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.grpc.server.GlobalServerInterceptor;
import org.springframework.stereotype.Component;

/**
 * Carries the caller's request id (metadata {@code x-request-id}) into this service's log lines,
 * and writes one access-log line per finished call (method, status, time) under that id.
 */
@Component
@GlobalServerInterceptor
public class RequestIdServerInterceptor implements ServerInterceptor {

    public static final Metadata.Key<String> KEY = Metadata.Key.of("x-request-id", Metadata.ASCII_STRING_MARSHALLER);
    private static final Logger access = LoggerFactory.getLogger("io.greenportal.grpc.access");

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
            ServerCallHandler<Q, R> next) {
        String offered = headers.get(KEY);
        String requestId = offered == null || offered.length() > 64 ? null : offered;
        long start = System.nanoTime();
        ServerCall<Q, R> logged = new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
            @Override
            public void close(Status status, Metadata trailers) {
                withRequestId(requestId, () -> access.info("{} {} {} ms", call.getMethodDescriptor().getFullMethodName(),
                        status.getCode(), (System.nanoTime() - start) / 1_000_000));
                super.close(status, trailers);
            }
        };
        ServerCall.Listener<Q> listener = next.startCall(logged, headers);
        return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(listener) {
            @Override
            public void onHalfClose() {
                withRequestId(requestId, super::onHalfClose);
            }
        };
    }

    private static void withRequestId(String requestId, Runnable action) {
        if (requestId == null) {
            action.run();
            return;
        }
        MDC.put(RequestIdFilter.MDC_KEY, requestId);
        try {
            action.run();
        } finally {
            MDC.remove(RequestIdFilter.MDC_KEY);
        }
    }
}
