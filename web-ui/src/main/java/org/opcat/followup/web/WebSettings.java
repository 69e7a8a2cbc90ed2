package org.opcat.followup.web;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * {@code followup.web.*}, settable by environment variables ({@code FOLLOWUP_WEB_COMMAND_URL}, ...).
 *
 * @param commandUrl    command-service's base URL
 * @param queryUrl      query-service's base URL
 * @param signingKey    PEM file (PKCS#8) of the RSA private key that signs the relayed identity; the
 *                      services trust its public key ({@code spring.security.oauth2.resourceserver.jwt.public-key-location})
 * @param tokenLifetime how long one relayed token is valid: short, since whoever reads it can act as the user until then
 * @param tokenAudience the audience ({@code aud}) of relayed tokens: the services take only tokens issued for
 *                      the audience they are configured with ({@code spring.security.oauth2.resourceserver.jwt.audiences})
 * @param timeZone      the NPM's zone, in which recording times are shown
 */
@ConfigurationProperties("followup.web")
public record WebSettings(
        @DefaultValue("http://localhost:8081") String commandUrl,
        @DefaultValue("http://localhost:8082") String queryUrl,
        Resource signingKey,
        @DefaultValue("PT1M") Duration tokenLifetime,
        @DefaultValue("UTC") ZoneId timeZone,
        @DefaultValue("opcat-followup") String tokenAudience) {
}
