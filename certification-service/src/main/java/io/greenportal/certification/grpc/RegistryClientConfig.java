package io.greenportal.certification.grpc;

import io.greenportal.contracts.registry.v1.ReferenceDataServiceGrpc;
import io.greenportal.contracts.registry.v1.RegistryServiceGrpc;

import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.client.ImportGrpcClients;

/** The registry's stubs on the channel {@code registry}: grpc-edge gives each call this service's token and a deadline. */
@Configuration(proxyBeanMethods = false)
@ImportGrpcClients(target = "registry", types = {RegistryServiceGrpc.RegistryServiceBlockingStub.class,
        ReferenceDataServiceGrpc.ReferenceDataServiceBlockingStub.class})
public class RegistryClientConfig {
}
