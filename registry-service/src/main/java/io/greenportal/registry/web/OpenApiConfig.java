package io.greenportal.registry.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's title, and the bearer scheme so the documentation page can send a token. */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfig {

    @Bean
    OpenAPI registryOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Green Portal registry").version("v1")
                        .description("The authoritative registry of green listings (绿色制造名单): enterprises, listings, "
                                + "status history, imports. Errors are RFC 9457 problem details."))
                .components(new Components().addSecuritySchemes("bearer", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("An access token of the greenportal Keycloak realm")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
