package io.greenportal.platform.grpc.server;

import io.grpc.BindableService;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.protobuf.services.HealthStatusManager;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.grpc.server.GlobalServerInterceptor;
import org.springframework.grpc.server.lifecycle.GrpcServerStartedEvent;
import org.springframework.grpc.server.security.AuthenticationProcessInterceptor;
import org.springframework.grpc.server.security.GrpcSecurity;
import org.springframework.grpc.server.service.GrpcServiceConfigurer;
import org.springframework.grpc.server.service.GrpcServiceDiscoverer;
import org.springframework.security.config.Customizer;

/**
 * The gRPC server side of a service: security (health and reflection open, the service's
 * {@link GrpcMethodRules}, everything else refused; a Keycloak JWT resource server), status mapping
 * ({@link GrpcErrors}), requests that are not valid messages refused ({@link UnreadableRequests}), health SERVING per service name, an access log line per call, and the end
 * of open log streams at shutdown ({@link io.greenportal.platform.grpc.stream.LogStreams}). Each bean
 * gives way to one the service defines.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.grpc.server.autoconfigure.security.OAuth2ResourceServerAutoConfiguration",
        "org.springframework.boot.grpc.server.autoconfigure.security.GrpcSecurityAutoConfiguration"})
@ConditionalOnClass(BindableService.class)
@ConditionalOnProperty(name = "spring.grpc.server.enabled", havingValue = "true", matchIfMissing = true)
public class GrpcServerEdgeAutoConfiguration {

    @Bean
    @GlobalServerInterceptor // without it the auto-configured interceptor backs off and nothing is secured
    @ConditionalOnMissingBean(AuthenticationProcessInterceptor.class)
    AuthenticationProcessInterceptor grpcAuthorization(GrpcSecurity grpc, ObjectProvider<GrpcMethodRules> rules)
            throws Exception {
        return grpc.authorizeRequests(requests -> {
                    requests.methods("grpc.health.v1.Health/*").permitAll();
                    requests.methods("grpc.reflection.v1.ServerReflection/*").permitAll();
                    rules.orderedStream().forEach(r -> r.configure(requests));
                    requests.allRequests().denyAll();
                })
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()))
                .build();
    }

    /** Every string of every request message under the portal's text rule (web-edge TextRule). */
    @Bean
    @GlobalServerInterceptor
    @Order(Ordered.LOWEST_PRECEDENCE - 1)
    @ConditionalOnMissingBean
    GrpcRequestText grpcRequestText() {
        return new GrpcRequestText();
    }

    /** Every service's configurer, so that a request that is not a valid message is INVALID_ARGUMENT, not UNKNOWN. */
    @Bean
    static BeanPostProcessor unreadableRequestsRefused() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof GrpcServiceConfigurer configurer ? UnreadableRequests.refusing(configurer) : bean;
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean
    GrpcErrors grpcErrors() {
        return new GrpcErrors();
    }

    /** grpc-java answers only the overall status unless each service name is marked SERVING. */
    @Bean
    ApplicationListener<GrpcServerStartedEvent> grpcHealthServing(ObjectProvider<HealthStatusManager> health,
            GrpcServiceDiscoverer services) {
        return event -> health.ifAvailable(h -> services.listServiceNames()
                .forEach(name -> h.setStatus(name, ServingStatus.SERVING)));
    }

    /** Innermost (after the observation and security interceptors), so it logs inside the call's trace. */
    @Bean
    @GlobalServerInterceptor
    @Order(Ordered.LOWEST_PRECEDENCE)
    @ConditionalOnProperty(name = "greenportal.grpc.access-log", havingValue = "true", matchIfMissing = true)
    GrpcAccessLog grpcAccessLog() {
        return new GrpcAccessLog();
    }

    @Bean
    @ConditionalOnMissingBean
    io.greenportal.platform.grpc.stream.LogStreams logStreams() {
        return new io.greenportal.platform.grpc.stream.LogStreams();
    }
}
