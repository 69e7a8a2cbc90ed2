package org.opcat.followup.query;

import static org.springframework.http.HttpMethod.GET;

import org.opcat.followup.security.EndpointRights;
import org.opcat.followup.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Who may read what (SPEC §5). ANALYST, MANAGER and ADMIN read everything, confidential
 * recommendations included. REPORTER reads public annual reports only: no list, detail, history,
 * dialogue or dashboard, where confidential recommendations would show. The admin endpoints
 * (replay, failed events) are ADMIN's, the default for anything not listed.
 */
@Configuration(proxyBeanMethods = false)
class QueryRights {

    private static final String[] READERS = {Role.ANALYST.name(), Role.MANAGER.name(), Role.ADMIN.name()};

    @Bean
    EndpointRights queryEndpointRights() {
        return rules -> rules
                .requestMatchers(GET, "/api/reports/annual/**").access(publicReportsForReporters())
                .requestMatchers(GET, "/api/admin/**").hasRole(Role.ADMIN.name())
                .requestMatchers(GET, "/api/**").hasAnyRole(READERS);
    }

    /** A public edition leaves confidential details out: REPORTER may have that one. */
    private static AuthorizationManager<RequestAuthorizationContext> publicReportsForReporters() {
        AuthorizationManager<RequestAuthorizationContext> readers = AuthorityAuthorizationManager.hasAnyRole(READERS);
        AuthorizationManager<RequestAuthorizationContext> anyone = AuthorityAuthorizationManager.hasAnyRole(
                Role.ANALYST.name(), Role.MANAGER.name(), Role.REPORTER.name(), Role.ADMIN.name());
        return (authentication, context) -> ("public".equals(context.getRequest().getParameter("audience")) ? anyone : readers)
                .check(authentication, context);
    }
}
