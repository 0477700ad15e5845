package io.greenportal.publicity.grpc;

import io.greenportal.contracts.certification.v1.NoticeFeedServiceGrpc;

import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.client.ImportGrpcClients;

/** The certification service's notice feed on the channel {@code certification} (grpc-edge: this service's token). */
@Configuration(proxyBeanMethods = false)
@ImportGrpcClients(target = "certification", types = NoticeFeedServiceGrpc.NoticeFeedServiceStub.class)
public class CertificationClientConfig {
}
