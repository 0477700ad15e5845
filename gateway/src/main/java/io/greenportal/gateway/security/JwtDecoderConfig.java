package io.greenportal.gateway.security;

import java.time.Clock;
import java.time.Duration;

import io.greenportal.platform.tokens.RememberingReactiveJwtDecoder;
import io.greenportal.platform.tokens.VerifiedTokens;
import io.netty.channel.ChannelOption;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.netty.http.client.HttpClient;

/**
 * Bearer tokens are checked at the door: signature (the realm's keys), issuer (this realm, not
 * another), audience, and expiry with a small clock skew, so an expired token stops here rather
 * than a minute later. Tokens that passed are remembered until they expire ({@link VerifiedTokens}).
 */
@Configuration(proxyBeanMethods = false)
public class JwtDecoderConfig {

    /**
     * The realm's keys are fetched with time-outs: without them a Keycloak that accepts the connection
     * and never answers would hold every bearer request that needs the keys, instead of the 503 with
     * Retry-After that {@link BearerTokenGate} gives when they cannot be fetched (after two tries).
     */
    @Bean
    ReactiveJwtDecoder reactiveJwtDecoder(@Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer,
            @Value("${greenportal.gateway.token-clock-skew:10s}") Duration clockSkew,
            @Value("${greenportal.gateway.key-fetch-timeout:5s}") Duration keyFetchTimeout) {
        // a connection of its own each time (keys are fetched rarely: no pooled connection to go stale),
        // and a second try before the caller is told to come back
        HttpClient keys = HttpClient.newConnection()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) keyFetchTimeout.toMillis())
                .responseTimeout(keyFetchTimeout);
        WebClient keyClient = WebClient.builder().clientConnector(new ReactorClientHttpConnector(keys))
                .filter((request, next) -> next.exchange(request).retry(1))
                .build();
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(issuer + "/protocol/openid-connect/certs")
                .webClient(keyClient)
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(clockSkew),
                new JwtIssuerValidator(issuer),
                new JwtClaimValidator<java.util.List<String>>("aud",
                        aud -> aud != null && aud.contains("greenportal-api"))));
        return new RememberingReactiveJwtDecoder(decoder, new VerifiedTokens(Clock.systemUTC(), VerifiedTokens.CAPACITY));
    }
}
