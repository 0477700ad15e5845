package io.greenportal.certification.grpc;

import io.greenportal.certification.web.RequestIdFilter;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;

import org.slf4j.MDC;

/** Passes the current request id (from the gateway, see RequestIdFilter) on to the service called. */
public class RequestIdClientInterceptor implements ClientInterceptor {

    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        String requestId = MDC.get(RequestIdFilter.MDC_KEY);
        return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
            @Override
            public void start(Listener<R> listener, Metadata headers) {
                if (requestId != null) {
                    headers.put(RequestIdServerInterceptor.KEY, requestId);
                }
                super.start(listener, headers);
            }
        };
    }
}
