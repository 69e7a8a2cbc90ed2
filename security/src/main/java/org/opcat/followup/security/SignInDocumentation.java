package org.opcat.followup.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How to sign in, in the OpenAPI description (the rest of it is web-api's ApiDocumentation): the
 * scheme follows {@code followup.security.mode}, which only this module reads.
 */
@Configuration(proxyBeanMethods = false)
class SignInDocumentation {

    static final String SCHEME = "user";

    @Bean
    OpenApiCustomizer signInScheme(SecuritySettings settings) {
        SecurityScheme scheme = settings.jwt()
                ? new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                : new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic");
        return api -> {
            if (api.getComponents() == null) {
                api.setComponents(new Components());
            }
            api.getComponents().addSecuritySchemes(SCHEME, scheme);
            if (api.getSecurity() == null || api.getSecurity().stream().noneMatch(r -> r.containsKey(SCHEME))) {
                api.addSecurityItem(new SecurityRequirement().addList(SCHEME));
            }
        };
    }
}
