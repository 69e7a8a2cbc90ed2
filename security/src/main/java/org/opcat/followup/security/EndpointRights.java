package org.opcat.followup.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/** Each service states which roles may call which of its endpoints; anything unstated needs ADMIN. */
@FunctionalInterface
public interface EndpointRights {

    void grant(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules);
}
