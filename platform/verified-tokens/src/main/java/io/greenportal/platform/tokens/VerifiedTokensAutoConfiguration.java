package io.greenportal.platform.tokens;

import java.time.Clock;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Every servlet {@link JwtDecoder} bean (Boot's, which a service's HTTP and gRPC resource servers
 * share) remembers the tokens it accepted ({@link RememberingJwtDecoder}), whoever built it. The
 * gateway wraps its reactive decoder itself ({@link RememberingReactiveJwtDecoder}).
 */
@AutoConfiguration
@ConditionalOnClass(JwtDecoder.class)
public class VerifiedTokensAutoConfiguration {

    @Bean
    static BeanPostProcessor rememberVerifiedTokens() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof JwtDecoder decoder && !(bean instanceof RememberingJwtDecoder)
                        ? new RememberingJwtDecoder(decoder, new VerifiedTokens(Clock.systemUTC(), VerifiedTokens.CAPACITY))
                        : bean;
            }
        };
    }
}
