package org.opcat.followup.command;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import org.opcat.followup.security.EndpointRights;
import org.opcat.followup.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may record what (SPEC §5): analysts and administrators record the life of recommendations;
 * the authority, place and user registers are for administrators (the default for anything
 * not listed here).
 */
@Configuration(proxyBeanMethods = false)
class CommandRights {

    @Bean
    EndpointRights commandEndpointRights() {
        return rules -> rules
                .requestMatchers(PUT, "/api/users/me/password").authenticated()
                .requestMatchers(GET, "/api/users/me").authenticated()
                .requestMatchers(POST, "/api/recommendations", "/api/recommendations/**")
                .hasAnyRole(Role.ANALYST.name(), Role.ADMIN.name())
                // Spreadsheet import (importing/): its dry run, status and templates too.
                .requestMatchers("/api/imports", "/api/imports/**")
                .hasAnyRole(Role.ANALYST.name(), Role.ADMIN.name());
    }
}
