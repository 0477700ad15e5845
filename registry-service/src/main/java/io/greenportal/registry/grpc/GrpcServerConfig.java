package io.greenportal.registry.grpc;

import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.protobuf.services.HealthStatusManager;

import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.server.GlobalServerInterceptor;
import org.springframework.grpc.server.lifecycle.GrpcServerStartedEvent;
import org.springframework.grpc.server.security.AuthenticationProcessInterceptor;
import org.springframework.grpc.server.security.GrpcSecurity;
import org.springframework.grpc.server.service.GrpcServiceDiscoverer;
import org.springframework.security.config.Customizer;

/**
 * gRPC server security: health and reflection are open (probes carry no token); every other method
 * needs a Keycloak JWT of another portal service (client credentials) or an administrator.
 */
@Configuration(proxyBeanMethods = false)
public class GrpcServerConfig {

    @Bean
    @GlobalServerInterceptor // without it the auto-configured interceptor backs off and nothing is secured
    AuthenticationProcessInterceptor grpcAuthorization(GrpcSecurity grpc) throws Exception {
        return grpc.authorizeRequests(requests -> requests
                        .methods("grpc.health.v1.Health/*").permitAll()
                        .methods("grpc.reflection.v1.ServerReflection/*").permitAll()
                        .methods("greenportal.registry.v1.RegistryService/*").hasAnyAuthority("ROLE_internal-service", "ROLE_admin")
                        .methods("greenportal.registry.v1.ChangeFeedService/*").hasAnyAuthority("ROLE_internal-service", "ROLE_admin")
                        .methods("greenportal.registry.v1.ReferenceDataService/*").authenticated()
                        .allRequests().denyAll())
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()))
                .build();
    }

    /** grpc-java answers only the overall status unless each service name is marked SERVING. */
    @Bean
    ApplicationListener<GrpcServerStartedEvent> grpcHealthServing(HealthStatusManager health,
            GrpcServiceDiscoverer services) {
        return event -> services.listServiceNames()
                .forEach(name -> health.setStatus(name, ServingStatus.SERVING));
    }
}
