package io.greenportal.platform.web;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's own access rules, declared as a bean in the service (its list of public paths and
 * any path rule that does not fit {@code @PreAuthorize}). The web edge applies them first, then
 * requires a valid token for everything else; roles per endpoint stay with {@code @PreAuthorize}.
 */
@FunctionalInterface
public interface EndpointRules {

    void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests);
}
