package org.opcat.followup.security;

import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.convert.converter.Converter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * SPEC §5 for both services: every {@code /api} path needs an authenticated user, health stays
 * open, every other actuator endpoint needs ADMIN, and each service grants its own endpoints
 * through an {@link EndpointRights} bean. The API is stateless (HTTP Basic or bearer tokens, no
 * cookies), so there is no session and nothing for CSRF to forge. Command-line runs (no web server)
 * have no users to check.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties({SecuritySettings.class, TokenSettings.class})
@Import(SignInDocumentation.class)
public class ApiSecurity {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'self'; base-uri 'none'; "
            + "form-action 'self'";

    @Bean
    SecurityFilterChain api(HttpSecurity http, EndpointRights rights, SecuritySettings settings,
            CorsConfigurationSource cors, ObjectProvider<JwtDecoder> tokenVerifier, UserAccounts accounts, Clock clock,
            TokenSettings token, ObjectProvider<OAuth2ResourceServerProperties> resourceServer) throws Exception {
        ProblemAnswersForSecurity problems = new ProblemAnswersForSecurity(
                settings.jwt() ? "Bearer" : "Basic realm=\"followup\", charset=\"UTF-8\"");
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .cors(c -> c.configurationSource(cors))
                .authorizeHttpRequests(rules -> {
                    rules.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
                    rules.requestMatchers("/actuator/health", "/actuator/health/**").permitAll();
                    // The API's description is public; what it serves is not.
                    rules.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll();
                    rules.requestMatchers("/actuator/**").hasRole(Role.ADMIN.name());
                    rights.grant(rules);
                    rules.anyRequest().hasRole(Role.ADMIN.name());
                })
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                // html outputs (the annual report, Swagger UI) run no script but their own, load
                // nothing from elsewhere, and cannot be framed by another site.
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
        if (settings.jwt() || tokenVerifier.getIfAvailable() != null) {
            // Bearer tokens: the identity provider's (jwt mode), or, beside HTTP Basic, those of a
            // trusted client such as the web interface relaying its signed-in user.
            JwtDecoder decoder = fromIssuerFor(tokenVerifier.getObject(), token.issuer(), audiences(resourceServer));
            http.oauth2ResourceServer(resource -> resource
                    .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(settings.jwt() ? tokenRoles(settings) : registeredUser(settings, accounts, clock)))
                    .authenticationEntryPoint(problems).accessDeniedHandler(problems));
        }
        if (!settings.jwt()) {
            http.httpBasic(basic -> basic.authenticationEntryPoint(problems));
        }
        return http.build();
    }

    /**
     * A token is only taken from its issuer ({@link TokenSettings#issuer()}) and for these services
     * (Spring Boot's {@code spring.security.oauth2.resourceserver.jwt.audiences}, checked here for
     * every kind of key): one that the same key signed for another application, or that another
     * issuer signed, is refused (401). Without an audience the services refuse to start rather than
     * take tokens meant for anyone.
     */
    public static JwtDecoder fromIssuerFor(JwtDecoder verifier, String issuer, List<String> audiences) {
        if (audiences.isEmpty()) {
            throw new IllegalStateException("bearer tokens are accepted, so spring.security.oauth2.resourceserver.jwt.audiences "
                    + "(SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES) must name the audience they are issued for, "
                    + "such as opcat-followup");
        }
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalStateException("followup.security.token.issuer (FOLLOWUP_SECURITY_TOKEN_ISSUER) must name the "
                    + "issuer of the bearer tokens");
        }
        OAuth2TokenValidator<Jwt> checks = new DelegatingOAuth2TokenValidator<>(new JwtIssuerValidator(issuer),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.stream().anyMatch(audiences::contains)));
        return token -> {
            Jwt jwt = verifier.decode(token);
            OAuth2TokenValidatorResult result = checks.validate(jwt);
            if (result.hasErrors()) {
                throw new JwtValidationException("the token is not from " + issuer + " for " + audiences, result.getErrors());
            }
            return jwt;
        };
    }

    private static List<String> audiences(ObjectProvider<OAuth2ResourceServerProperties> resourceServer) {
        OAuth2ResourceServerProperties properties = resourceServer.getIfAvailable();
        return properties == null ? List.of()
                : properties.getJwt().getAudiences().stream().filter(a -> a != null && !a.isBlank()).toList();
    }

    /** Roles from the configured claim (a list or a space/comma separated string), as ROLE_ authorities. */
    static Converter<Jwt, AbstractAuthenticationToken> tokenRoles(SecuritySettings settings) {
        return jwt -> {
            List<GrantedAuthority> authorities = new ArrayList<>();
            Object claim = jwt.getClaim(settings.rolesClaim());
            Collection<?> names = claim instanceof Collection<?> list ? list
                    : claim instanceof String text ? List.of(text.split("[ ,]+")) : List.of();
            for (Object name : names) {
                for (Role role : Role.values()) {
                    if (role.name().equalsIgnoreCase(String.valueOf(name))) {
                        authorities.add(new SimpleGrantedAuthority(role.authority()));
                    }
                }
            }
            String username = username(jwt, settings);
            return new JwtAuthenticationToken(jwt, authorities, username);
        };
    }

    /**
     * A token relayed by a trusted front end (basic mode) names a user of the register: that user
     * must still exist and be enabled, and the register's roles apply, not the token's. So a user
     * disabled or given other roles after signing in to the web interface is refused or limited at
     * once, not when their session ends. A lock from wrong passwords does not refuse it: the lock
     * stops password guessing, which anyone can do with a user's name, and a relayed token is no
     * guess; otherwise a stranger could end any user's work by typing wrong passwords.
     */
    static Converter<Jwt, AbstractAuthenticationToken> registeredUser(SecuritySettings settings, UserAccounts accounts,
            Clock clock) {
        return jwt -> {
            String username = username(jwt, settings);
            UserAccount account = accounts.find(username)
                    .filter(UserAccount::enabled)
                    .orElseThrow(() -> new InvalidBearerTokenException("the token's user is unknown or disabled"));
            List<GrantedAuthority> authorities = account.roles().stream()
                    .map(role -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority())).toList();
            return new JwtAuthenticationToken(jwt, authorities, account.username());
        };
    }

    /** The configured name claim, else the subject. */
    private static String username(Jwt jwt, SecuritySettings settings) {
        return jwt.hasClaim(settings.usernameClaim()) ? jwt.getClaimAsString(settings.usernameClaim()) : jwt.getSubject();
    }

    @Bean
    CorsConfigurationSource cors(SecuritySettings settings) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (!settings.corsAllowedOrigins().isEmpty()) {
            CorsConfiguration allowed = new CorsConfiguration();
            allowed.setAllowedOrigins(settings.corsAllowedOrigins());
            allowed.setAllowedMethods(List.of("GET", "POST", "PUT"));
            allowed.setAllowedHeaders(List.of("Authorization", "Content-Type", "If-Match", "X-Correlation-Id"));
            allowed.setExposedHeaders(List.of("ETag", "Location", "X-Correlation-Id"));
            source.registerCorsConfiguration("/api/**", allowed);
        }
        return source;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt, stored with its {bcrypt} prefix so a future algorithm can be introduced gradually.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserAccounts userAccounts(JdbcTemplate jdbc, PasswordEncoder passwords, Clock clock) {
        return new UserAccounts(jdbc, passwords, clock);
    }

    /** Sign-in with a password of the register: the one authentication provider of basic mode. */
    @Bean
    RecentlyVerifiedPasswords passwordSignIn(UserAccounts accounts, PasswordEncoder passwords, Clock clock,
            SignInThrottle throttle) {
        return new RecentlyVerifiedPasswords(new RegisteredUsers(accounts, clock), passwords, clock, throttle);
    }

    @Bean
    SignInThrottle signInThrottle(UserAccounts accounts, SecuritySettings settings, Clock clock) {
        return new SignInThrottle(accounts, settings, clock);
    }

    @Bean
    UserBootstrap userBootstrap(UserAccounts accounts, SecuritySettings settings, org.springframework.core.env.Environment environment) {
        return new UserBootstrap(accounts, settings, environment);
    }
}
