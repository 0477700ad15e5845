package io.greenportal.platform.test;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.stub.AbstractStub;

import org.springframework.grpc.client.interceptor.security.BearerTokenAuthenticationInterceptor;

/** A plaintext channel to a service's real gRPC port, and stubs that carry a Keycloak token. */
public final class Grpc {

    private Grpc() {
    }

    public static ManagedChannel channel(int port) {
        return ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
    }

    public static <S extends AbstractStub<S>> S as(S stub, String token) {
        return stub.withInterceptors(new BearerTokenAuthenticationInterceptor(token));
    }
}
