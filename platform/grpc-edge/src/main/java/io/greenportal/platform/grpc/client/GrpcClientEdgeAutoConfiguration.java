package io.greenportal.platform.grpc.client;

import java.time.Duration;

import io.greenportal.platform.web.KeycloakTimeouts;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.grpc.client.GlobalClientInterceptor;
import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.grpc.client.interceptor.security.BearerTokenAuthenticationInterceptor;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.RestClient;

/**
 * The authenticated client side, for services that call another one: they bring
 * spring-boot-starter-security-oauth2-client and the client registration {@code portal-service}
 * (client credentials), and import their stubs with Spring gRPC's {@code @ImportGrpcClients(target =
 * "<channel>", types = ...)}. Every channel then carries this service's token ({@link ServiceTokens})
 * and the trace context (Spring gRPC's observation interceptor), and every unary call a deadline
 * ({@link UnaryDeadlines}; {@code greenportal.grpc.client.deadline}, 10 s unless set).
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration",
        "org.springframework.boot.grpc.client.autoconfigure.GrpcClientAutoConfiguration",
        "org.springframework.boot.grpc.client.autoconfigure.CompositeChannelFactoryAutoConfiguration",
        "org.springframework.boot.grpc.server.autoconfigure.security.OAuth2ClientAutoConfiguration"})
@ConditionalOnClass({OAuth2AuthorizedClientManager.class, GrpcChannelFactory.class})
@ConditionalOnBean(ClientRegistrationRepository.class)
public class GrpcClientEdgeAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    OAuth2AuthorizedClientManager serviceTokenManager(ClientRegistrationRepository registrations,
            OAuth2AuthorizedClientService clients) {
        var manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, clients);
        // Spring Security's token client waits for Keycloak without a time limit; a hung Keycloak must not
        // hang every call that needs a fresh token
        var tokenEndpoint = new RestClientClientCredentialsTokenResponseClient();
        tokenEndpoint.setRestClient(RestClient.builder().requestFactory(KeycloakTimeouts.requestFactory())
                .configureMessageConverters(converters -> converters.addCustomConverter(new FormHttpMessageConverter())
                        .addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter()))
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler()).build());
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .clientCredentials(credentials -> credentials.accessTokenResponseClient(tokenEndpoint)).build());
        return manager;
    }

    @Bean
    @ConditionalOnMissingBean
    ServiceTokens serviceTokens(OAuth2AuthorizedClientManager tokens,
            @Value("${spring.application.name:portal-service}") String name) {
        return new ServiceTokens(tokens, name);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    DependencyFailureAdvice dependencyFailureAdvice() {
        return new DependencyFailureAdvice();
    }

    /** On every channel the channel factory makes: all of them lead to other portal services. */
    @Bean
    @GlobalClientInterceptor
    @ConditionalOnMissingBean(name = "serviceTokenInterceptor")
    BearerTokenAuthenticationInterceptor serviceTokenInterceptor(ServiceTokens tokens) {
        return new BearerTokenAuthenticationInterceptor(tokens::token);
    }

    @Bean
    @GlobalClientInterceptor
    @ConditionalOnMissingBean
    UnaryDeadlines unaryDeadlines(@Value("${greenportal.grpc.client.deadline:10s}") Duration deadline) {
        return new UnaryDeadlines(deadline);
    }
}
