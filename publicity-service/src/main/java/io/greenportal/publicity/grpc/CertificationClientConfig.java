package io.greenportal.publicity.grpc;

import java.util.List;

import io.greenportal.contracts.certification.v1.NoticeFeedServiceGrpc;
import io.grpc.ManagedChannel;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.client.ChannelBuilderOptions;
import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.grpc.client.interceptor.security.BearerTokenAuthenticationInterceptor;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;

/** The channel to the certification service's notice feed, with this service's own access token. */
@Configuration(proxyBeanMethods = false)
public class CertificationClientConfig {

    @Bean
    ManagedChannel certificationChannel(GrpcChannelFactory channels, OAuth2AuthorizedClientManager tokens) {
        var credentials = new BearerTokenAuthenticationInterceptor(() -> RegistryClientConfig.serviceToken(tokens));
        return channels.createChannel("certification",
                ChannelBuilderOptions.defaults().withInterceptors(List.of(credentials)));
    }

    @Bean
    NoticeFeedServiceGrpc.NoticeFeedServiceStub certificationNoticeFeed(ManagedChannel certificationChannel) {
        return NoticeFeedServiceGrpc.newStub(certificationChannel);
    }
}
