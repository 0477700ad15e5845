package io.greenportal.platform.grpc.client;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.MethodDescriptor;

/**
 * Every unary call gets a deadline: its own if the caller set one, else the default. Streams are
 * left alone: a change feed is meant to stay open for days.
 */
public class UnaryDeadlines implements ClientInterceptor {

    private final Duration deadline;

    public UnaryDeadlines(Duration deadline) {
        this.deadline = deadline;
    }

    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        if (method.getType() == MethodDescriptor.MethodType.UNARY && options.getDeadline() == null) {
            options = options.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
        }
        return next.newCall(method, options);
    }
}
