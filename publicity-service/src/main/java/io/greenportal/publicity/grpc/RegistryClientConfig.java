package io.greenportal.publicity.grpc;

import io.greenportal.contracts.registry.v1.ChangeFeedServiceGrpc;
import io.greenportal.contracts.registry.v1.ReferenceDataServiceGrpc;

import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.client.ImportGrpcClients;

/** The registry's change feed and reference data on the channel {@code registry} (grpc-edge: this service's token). */
@Configuration(proxyBeanMethods = false)
@ImportGrpcClients(target = "registry", types = {ChangeFeedServiceGrpc.ChangeFeedServiceStub.class,
        ReferenceDataServiceGrpc.ReferenceDataServiceBlockingStub.class})
public class RegistryClientConfig {
}
