package io.greenportal.platform.web;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.JwkSetUriJwtDecoderBuilderCustomizer;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.http.MediaType;
import org.springframework.http.converter.ByteArrayHttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.StringHttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.filter.ForwardedHeaderFilter;
import org.springframework.web.client.RestTemplate;

import tools.jackson.databind.json.JsonMapper;

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
        "org.springframework.boot.grpc.server.autoconfigure.security.OAuth2ResourceServerAutoConfiguration",
        "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableMethodSecurity
public class WebEdgeAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain serviceSecurity(HttpSecurity http, ObjectProvider<EndpointRules> rules,
            @org.springframework.beans.factory.annotation.Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}")
            String issuer) throws Exception {
        return ServiceSecurity.build(http, rules.orderedStream().toList(), issuer);
    }

    @Bean
    @ConditionalOnMissingBean(ProblemDetailsAdvice.class)
    ProblemDetailsAdvice problemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }

    @Bean
    SuccessIsNotAProblem successIsNotAProblem() {
        return new SuccessIsNotAProblem();
    }

    @Bean
    @ConditionalOnMissingBean
    AuthorizeBeforeBinding authorizeBeforeBinding() {
        return new AuthorizeBeforeBinding();
    }

    /** The {@link TextRule} for parameters, path variables and multipart names. */
    @Bean
    @ConditionalOnMissingBean
    RequestText requestText() {
        return new RequestText();
    }

    /**
     * Request bodies are read strictly ({@link StrictJson}); answers are written as before. Bytes
     * and strings keep their converters ahead of JSON (springdoc's documents are bytes: behind a
     * JSON converter they would leave as a base64 string). The API speaks JSON: the YAML, CBOR and
     * Smile converters that libraries' Jackson 2 modules bring along (springdoc's swagger-core brings
     * YAML) are removed, since a body read through them skips every rule of {@link StrictJson} and an
     * answer written through them can fail where JSON does not; such a body is a 415 and such an
     * Accept a 406, as for any other format the API does not speak.
     */
    @Bean
    @ConditionalOnProperty(name = "greenportal.web.strict-json", havingValue = "true", matchIfMissing = true)
    ServerHttpMessageConvertersCustomizer strictJsonBodies(JsonMapper jsonMapper) {
        JsonMapper strict = StrictJson.of(jsonMapper);
        return builder -> builder.configureMessageConvertersList(converters -> {
            converters.replaceAll(converter -> converter instanceof JacksonJsonHttpMessageConverter
                    ? new JacksonJsonHttpMessageConverter(strict) : converter);
            List<HttpMessageConverter<?>> first = new ArrayList<>();
            converters.removeIf(c -> (c instanceof ByteArrayHttpMessageConverter || c instanceof StringHttpMessageConverter)
                    && first.add(c));
            converters.addAll(0, first);
            converters.removeIf(WebEdgeAutoConfiguration::speaksAnotherFormat);
        });
    }

    static boolean speaksAnotherFormat(HttpMessageConverter<?> converter) {
        return converter.getSupportedMediaTypes().stream().map(MediaType::getSubtype)
                .anyMatch(subtype -> subtype.contains("yaml") || subtype.contains("cbor") || subtype.contains("smile"));
    }

    /** Tomcat's own error answers (before any servlet runs) as problem details, not its HTML page. */
    @Bean
    @ConditionalOnClass(name = "org.apache.catalina.valves.ErrorReportValve")
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }

    /** Errors that never reached a controller, as problem details. */
    @Bean
    @ConditionalOnMissingBean(ErrorController.class)
    ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }

    /**
     * Every token's expiry and not-before checked with one small clock skew
     * ({@code greenportal.security.token-clock-skew}, 10 s), REST and gRPC alike (they share the
     * decoder). It replaces Spring Security's default of 60 s, which would accept a token a minute
     * after it expired.
     */
    @Bean
    @ConditionalOnMissingBean(JwtTimestampValidator.class)
    JwtTimestampValidator tokenTimestamps(
            @Value("${greenportal.security.token-clock-skew:" + TokenClockSkew.DEFAULT + "}") Duration skew) {
        return TokenClockSkew.validator(skew);
    }

    /** The resource server's discovery and key-set requests, with {@link KeycloakTimeouts}. */
    @Bean
    JwkSetUriJwtDecoderBuilderCustomizer keycloakKeySetTimeouts() {
        return builder -> builder.restOperations(new RestTemplate(KeycloakTimeouts.requestFactory()));
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Times.clock();
    }

    /** Boot's ForwardedHeaderFilter (server.forward-headers-strategy: framework) behind {@link ForwardedHeaderCheck}. */
    @Bean
    static BeanPostProcessor forwardedHeaderCheck() {
        return new BeanPostProcessor() {
            @Override
            @SuppressWarnings({"unchecked", "rawtypes"})
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof FilterRegistrationBean registration
                        && registration.getFilter() instanceof ForwardedHeaderFilter forwarded) {
                    registration.setFilter(new ForwardedHeaderCheck(forwarded));
                }
                return bean;
            }
        };
    }

    /** Ahead of the request's observation (Boot's, at highest precedence + 1), which reads the id as baggage. */
    @Bean
    FilterRegistrationBean<SaneRequestId> saneRequestId() {
        var registration = new FilterRegistrationBean<>(new SaneRequestId());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** After the security chain (its 401 needs no body), before anything reads the body. */
    @Bean
    FilterRegistrationBean<Utf8JsonBodies> utf8JsonBodies() {
        var registration = new FilterRegistrationBean<>(new Utf8JsonBodies());
        registration.setOrder(0);
        return registration;
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
