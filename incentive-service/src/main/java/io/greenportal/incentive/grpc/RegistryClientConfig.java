package io.greenportal.incentive.grpc;

import java.util.List;

import io.greenportal.contracts.registry.v1.ChangeFeedServiceGrpc;
import io.greenportal.contracts.registry.v1.ReferenceDataServiceGrpc;
import io.greenportal.contracts.registry.v1.RegistryServiceGrpc;
import io.grpc.ManagedChannel;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.client.ChannelBuilderOptions;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.grpc.client.interceptor.security.BearerTokenAuthenticationInterceptor;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.RestClient;

/**
 * The channel to the registry. Every call carries this service's own access token (Keycloak client
 * credentials, cached and renewed by Spring Security), which the registry checks.
 */
@Configuration(proxyBeanMethods = false)
public class RegistryClientConfig {

    @Bean
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
    ManagedChannel registryChannel(GrpcChannelFactory channels, OAuth2AuthorizedClientManager tokens) {
        var credentials = new BearerTokenAuthenticationInterceptor(() -> serviceToken(tokens));
        return channels.createChannel("registry", ChannelBuilderOptions.defaults()
                .withInterceptors(List.of(credentials, new RequestIdClientInterceptor())));
    }

    @Bean
    RegistryServiceGrpc.RegistryServiceBlockingStub registry(ManagedChannel registryChannel) {
        return RegistryServiceGrpc.newBlockingStub(registryChannel);
    }

    @Bean
    ReferenceDataServiceGrpc.ReferenceDataServiceBlockingStub registryReferenceData(ManagedChannel registryChannel) {
        return ReferenceDataServiceGrpc.newBlockingStub(registryChannel);
    }

    /** Blocking server streaming: the iterator asks for the next change only when we take one (flow control). */
    @Bean
    ChangeFeedServiceGrpc.ChangeFeedServiceBlockingStub registryChangeFeed(ManagedChannel registryChannel) {
        return ChangeFeedServiceGrpc.newBlockingStub(registryChannel);
    }

    static String serviceToken(OAuth2AuthorizedClientManager tokens) {
        OAuth2AuthorizedClient client = tokens.authorize(
                OAuth2AuthorizeRequest.withClientRegistrationId("portal-service").principal("incentive-service").build());
        if (client == null) {
            throw new IllegalStateException("Keycloak gave no token to incentive-service");
        }
        return client.getAccessToken().getTokenValue();
    }
}
