package org.opcat.followup.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code followup.security.token.*} ({@code FOLLOWUP_SECURITY_TOKEN_ISSUER}): whom a bearer token must
 * come from. The audience it must be meant for is Spring Boot's own setting,
 * {@code spring.security.oauth2.resourceserver.jwt.audiences}.
 *
 * @param issuer the {@code iss} every bearer token must carry: the web interface's {@code web-ui} by
 *               default; in jwt mode, the identity provider's issuer
 */
@ConfigurationProperties("followup.security.token")
public record TokenSettings(@DefaultValue("web-ui") String issuer) {
}
