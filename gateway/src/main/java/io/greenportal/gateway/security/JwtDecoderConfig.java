package io.greenportal.gateway.security;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Bearer tokens are checked at the door: signature (the realm's keys), issuer (this realm, not
 * another), audience, and expiry with a small clock skew, so an expired token stops here rather
 * than a minute later. Tokens that passed are remembered until they expire ({@link VerifiedTokenCache}).
 */
@Configuration(proxyBeanMethods = false)
public class JwtDecoderConfig {

    @Bean
    ReactiveJwtDecoder reactiveJwtDecoder(@Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer,
            @Value("${greenportal.gateway.token-clock-skew:10s}") Duration clockSkew) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(issuer + "/protocol/openid-connect/certs")
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(clockSkew),
                new JwtIssuerValidator(issuer),
                new JwtClaimValidator<java.util.List<String>>("aud",
                        aud -> aud != null && aud.contains("greenportal-api"))));
        return new VerifiedTokenCache(decoder, Clock.systemUTC(), 4096);
    }
}
