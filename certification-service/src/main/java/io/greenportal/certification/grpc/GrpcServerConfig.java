package io.greenportal.certification.grpc;

import io.greenportal.platform.grpc.server.GrpcMethodRules;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The notice feed is for other portal services and administrators (health and reflection are open, see grpc-edge). */
@Configuration(proxyBeanMethods = false)
public class GrpcServerConfig {

    @Bean
    GrpcMethodRules noticeFeedMethods() {
        return GrpcMethodRules.internalOnly("greenportal.certification.v1.NoticeFeedService/*");
    }
}
