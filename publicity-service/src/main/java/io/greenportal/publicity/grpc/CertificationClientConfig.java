package io.greenportal.publicity.grpc;

import io.greenportal.contracts.certification.v1.NoticeFeedServiceGrpc;
import io.greenportal.platform.grpc.client.ServiceChannels;
import io.grpc.ManagedChannel;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The certification service's notice feed, on the channel {@code certification} (grpc-edge). */
@Configuration(proxyBeanMethods = false)
public class CertificationClientConfig {

    @Bean
    ManagedChannel certificationChannel(ServiceChannels channels) {
        return channels.create("certification");
    }

    @Bean
    NoticeFeedServiceGrpc.NoticeFeedServiceStub certificationNoticeFeed(ManagedChannel certificationChannel) {
        return NoticeFeedServiceGrpc.newStub(certificationChannel);
    }
}
