package io.greenportal.publicity.grpc;

import io.greenportal.contracts.registry.v1.ChangeFeedServiceGrpc;
import io.greenportal.contracts.registry.v1.ReferenceDataServiceGrpc;
import io.greenportal.platform.grpc.client.ServiceChannels;
import io.grpc.ManagedChannel;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The registry's stubs, on the channel {@code registry} (grpc-edge: this service's own token and a
 * deadline on every unary call).
 */
@Configuration(proxyBeanMethods = false)
public class RegistryClientConfig {

    @Bean
    ManagedChannel registryChannel(ServiceChannels channels) {
        return channels.create("registry");
    }

    @Bean
    ChangeFeedServiceGrpc.ChangeFeedServiceStub registryChangeFeed(ManagedChannel registryChannel) {
        return ChangeFeedServiceGrpc.newStub(registryChannel);
    }

    @Bean
    ReferenceDataServiceGrpc.ReferenceDataServiceBlockingStub registryReferenceData(ManagedChannel registryChannel) {
        return ReferenceDataServiceGrpc.newBlockingStub(registryChannel);
    }
}
