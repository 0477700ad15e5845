package io.greenportal.platform.grpc.server;

import org.springframework.grpc.server.security.RequestMapperConfigurer;

/**
 * A service's own gRPC method rules, declared as a bean in the service. Health and reflection are
 * always open (probes carry no token) and any method no rule names is refused.
 */
@FunctionalInterface
public interface GrpcMethodRules {

    /** Another portal service (client credentials, realm role internal-service). */
    String INTERNAL_SERVICE = "ROLE_internal-service";

    /** Another portal service or an administrator. */
    String[] INTERNAL_CALLERS = {INTERNAL_SERVICE, "ROLE_admin"};

    void configure(RequestMapperConfigurer methods);

    /** The methods (e.g. {@code greenportal.registry.v1.RegistryService/*}) only {@link #INTERNAL_CALLERS} may call. */
    static GrpcMethodRules internalOnly(String... methods) {
        return rules -> rules.methods(methods).hasAnyAuthority(INTERNAL_CALLERS);
    }

    /** The methods any holder of a valid portal token may call. */
    static GrpcMethodRules authenticated(String... methods) {
        return rules -> rules.methods(methods).authenticated();
    }
}
