package io.greenportal.registry.grpc;

import io.greenportal.registry.web.RequestIdFilter;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;

import org.slf4j.MDC;
import org.springframework.grpc.server.GlobalServerInterceptor;
import org.springframework.stereotype.Component;

/** Carries the caller's request id (metadata {@code x-request-id}) into this service's log lines. */
@Component
@GlobalServerInterceptor
public class RequestIdServerInterceptor implements ServerInterceptor {

    public static final Metadata.Key<String> KEY = Metadata.Key.of("x-request-id", Metadata.ASCII_STRING_MARSHALLER);

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
            ServerCallHandler<Q, R> next) {
        String requestId = headers.get(KEY);
        ServerCall.Listener<Q> listener = next.startCall(call, headers);
        if (requestId == null || requestId.length() > 64) {
            return listener;
        }
        return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(listener) {
            @Override
            public void onHalfClose() {
                MDC.put(RequestIdFilter.MDC_KEY, requestId);
                try {
                    super.onHalfClose();
                } finally {
                    MDC.remove(RequestIdFilter.MDC_KEY);
                }
            }
        };
    }
}
