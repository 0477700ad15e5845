package io.greenportal.registry.grpc;

import io.greenportal.platform.grpc.server.GrpcMethodRules;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may call the registry over gRPC (health and reflection are open, see grpc-edge): registering
 * and looking up listings, a screening's watchlist and the change feed are for other portal services
 * and administrators; reference data for any holder of a portal token. A bank never calls
 * GetWatchlist itself: the request names the bank, which only a trusted service may do.
 */
@Configuration(proxyBeanMethods = false)
public class GrpcServerConfig {

    @Bean
    GrpcMethodRules registryMethods() {
        return GrpcMethodRules.internalOnly("greenportal.registry.v1.RegistryService/*",
                "greenportal.registry.v1.ChangeFeedService/*");
    }

    @Bean
    GrpcMethodRules referenceDataMethods() {
        return GrpcMethodRules.authenticated("greenportal.registry.v1.ReferenceDataService/*");
    }
}
