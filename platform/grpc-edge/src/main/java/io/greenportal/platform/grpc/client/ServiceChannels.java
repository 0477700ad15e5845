package io.greenportal.platform.grpc.client;

import java.time.Duration;
import java.util.List;

import io.grpc.ManagedChannel;

import org.springframework.grpc.client.ChannelBuilderOptions;
import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.grpc.client.interceptor.security.BearerTokenAuthenticationInterceptor;

/**
 * Channels to the other portal services, by the names under {@code spring.grpc.client.channels}:
 * every call carries this service's token ({@link ServiceTokens}) and the trace context (the
 * global observation interceptor), and every unary call a deadline ({@link UnaryDeadlines}).
 */
public class ServiceChannels {

    private final GrpcChannelFactory channels;
    private final ServiceTokens tokens;
    private final Duration deadline;

    public ServiceChannels(GrpcChannelFactory channels, ServiceTokens tokens, Duration deadline) {
        this.channels = channels;
        this.tokens = tokens;
        this.deadline = deadline;
    }

    public ManagedChannel create(String name) {
        return channels.createChannel(name, ChannelBuilderOptions.defaults().withInterceptors(
                List.of(new BearerTokenAuthenticationInterceptor(tokens::token), new UnaryDeadlines(deadline))));
    }
}
