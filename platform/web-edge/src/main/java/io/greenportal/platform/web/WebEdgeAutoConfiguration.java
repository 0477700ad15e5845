package io.greenportal.platform.web;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.JwkSetUriJwtDecoderBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.client.RestTemplate;

/**
 * The web edge of a servlet service. A service opts in by depending on web-edge and declares its
 * {@link EndpointRules}; it overrides any piece by defining a bean of the same type (its own
 * {@link SecurityFilterChain}, {@link ProblemDetailsAdvice} subclass, {@link Clock}) or by property
 * ({@code greenportal.web.access-log=false}).
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
        "org.springframework.boot.grpc.server.autoconfigure.security.OAuth2ResourceServerAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableMethodSecurity
public class WebEdgeAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain serviceSecurity(HttpSecurity http, ObjectProvider<EndpointRules> rules) throws Exception {
        return ServiceSecurity.build(http, rules.orderedStream().toList());
    }

    @Bean
    @ConditionalOnMissingBean(ProblemDetailsAdvice.class)
    ProblemDetailsAdvice problemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }

    @Bean
    @ConditionalOnMissingBean
    AuthorizeBeforeBinding authorizeBeforeBinding() {
        return new AuthorizeBeforeBinding();
    }

    /** The resource server's discovery and key-set requests, with {@link KeycloakTimeouts}. */
    @Bean
    JwkSetUriJwtDecoderBuilderCustomizer keycloakKeySetTimeouts() {
        return builder -> builder.restOperations(new RestTemplate(KeycloakTimeouts.requestFactory()));
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.system(Times.ZONE);
    }

    /** Inside the request's observation (registered just after Boot's), so its line is in the trace. */
    @Bean
    @ConditionalOnProperty(name = "greenportal.web.access-log", havingValue = "true", matchIfMissing = true)
    FilterRegistrationBean<AccessLog> accessLog() {
        var registration = new FilterRegistrationBean<>(new AccessLog());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }
}
