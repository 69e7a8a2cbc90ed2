package org.opcat.followup.web.signin;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opcat.followup.web.WebSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Sign-in: the user register lives in the services, so the password is checked there, once, by
 * {@code GET /api/users/me} with HTTP Basic (which also counts failed attempts and locks accounts).
 * What comes back, name and roles, is the whole identity the session keeps; the password is
 * dropped here.
 */
@Component
class PasswordCheckAtCommandService implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(PasswordCheckAtCommandService.class);

    private final RestClient commandService;

    PasswordCheckAtCommandService(RestClient.Builder builder, WebSettings settings) {
        this.commandService = builder.clone().baseUrl(settings.commandUrl()).build();
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        String username = attempt.getName();
        String password = attempt.getCredentials() == null ? "" : attempt.getCredentials().toString();
        Map<?, ?> me;
        try {
            me = commandService.get().uri("/api/users/me")
                    .headers(h -> h.setBasicAuth(username, password, StandardCharsets.UTF_8))
                    .retrieve().body(Map.class);
        } catch (HttpClientErrorException refused) {
            throw new BadCredentialsException("refused by command-service: " + refused.getStatusCode());
        } catch (RestClientException unreachable) {
            log.warn("sign-in impossible, command-service unreachable: {}", unreachable.getMessage());
            throw new AuthenticationServiceException("command-service unreachable", unreachable);
        }
        Set<String> roles = new LinkedHashSet<>();
        if (me != null && me.get("roles") instanceof List<?> names) {
            names.forEach(n -> roles.add(String.valueOf(n)));
        }
        SignedInUser user = new SignedInUser(String.valueOf(me == null ? username : me.get("username")), Set.copyOf(roles));
        return UsernamePasswordAuthenticationToken.authenticated(user, null,
                roles.stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
