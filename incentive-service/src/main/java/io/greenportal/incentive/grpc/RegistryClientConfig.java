package io.greenportal.incentive.grpc;

import io.greenportal.contracts.registry.v1.ChangeFeedServiceGrpc;
import io.greenportal.contracts.registry.v1.ReferenceDataServiceGrpc;
import io.greenportal.contracts.registry.v1.RegistryServiceGrpc;

import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.client.ImportGrpcClients;

/**
 * The registry's stubs on the channel {@code registry} (grpc-edge: this service's token on every
 * call, a deadline on every unary one). The change feed is read with the blocking stub: its iterator
 * asks for the next change only when one is taken (flow control).
 */
@Configuration(proxyBeanMethods = false)
@ImportGrpcClients(target = "registry", types = {RegistryServiceGrpc.RegistryServiceBlockingStub.class,
        ReferenceDataServiceGrpc.ReferenceDataServiceBlockingStub.class,
        ChangeFeedServiceGrpc.ChangeFeedServiceBlockingStub.class})
public class RegistryClientConfig {
}
