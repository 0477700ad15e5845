package io.greenportal.incentive.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.MethodDescriptor;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.grpc.client.GlobalClientInterceptor;

/** Counts the service's gRPC calls to the registry by method, so a test can prove "one round trip". */
@TestConfiguration(proxyBeanMethods = false)
public class RegistryCalls {

    @Bean
    @GlobalClientInterceptor
    Counter registryCallCounter() {
        return new Counter();
    }

    public static class Counter implements ClientInterceptor {

        private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

        @Override
        public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
            calls.computeIfAbsent(method.getBareMethodName(), m -> new AtomicInteger()).incrementAndGet();
            return next.newCall(method, options);
        }

        public int count(String method) {
            AtomicInteger count = calls.get(method);
            return count == null ? 0 : count.get();
        }
    }
}
