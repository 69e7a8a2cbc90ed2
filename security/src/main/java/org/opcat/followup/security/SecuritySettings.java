package org.opcat.followup.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code followup.security.*}, all settable by environment variables
 * ({@code FOLLOWUP_SECURITY_MODE=jwt}, ...).
 *
 * @param mode              {@code basic}: users of the register, HTTP Basic; {@code jwt}: bearer tokens of the
 *                          NPM's identity provider only. Tokens are verified with Spring's standard
 *                          {@code spring.security.oauth2.resourceserver.jwt.*} settings; when those are set
 *                          in basic mode, signed bearer tokens are accepted beside HTTP Basic (the web
 *                          interface relays its signed-in user that way)
 * @param rolesClaim        in jwt mode, the claim that lists the user's roles
 * @param usernameClaim     in jwt mode, the claim that names the user (falls back to {@code sub})
 * @param maxFailedSignIns  password checks in a row without success after which an account (or a known
 *                          client address of it) is locked
 * @param lockFor           how long it then stays locked
 * @param bootstrapAdminPassword if set and no administrator exists, user {@code admin} is created with it
 * @param corsAllowedOrigins origins allowed to call the API from a browser; none unless configured
 */
@ConfigurationProperties("followup.security")
public record SecuritySettings(
        @DefaultValue("basic") String mode,
        @DefaultValue("roles") String rolesClaim,
        @DefaultValue("preferred_username") String usernameClaim,
        @DefaultValue("5") int maxFailedSignIns,
        @DefaultValue("PT15M") Duration lockFor,
        String bootstrapAdminPassword,
        @DefaultValue List<String> corsAllowedOrigins) {

    public boolean jwt() {
        return "jwt".equalsIgnoreCase(mode);
    }
}
