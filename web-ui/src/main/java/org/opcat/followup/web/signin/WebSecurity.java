package org.opcat.followup.web.signin;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The browser side: a session after a sign-in form, CSRF tokens on every form (Spring Security's
 * default for a session-based chain), and the same roles as the services so that nobody is shown
 * a page the services would refuse. The services check again: this is convenience, not the guard.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurity {

    static final String ANALYST = "ANALYST";
    static final String MANAGER = "MANAGER";
    static final String ADMIN = "ADMIN";

    /** Scripts and styles only from this server; htmx's inline indicator style is switched off in the page. */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; frame-src 'self'; frame-ancestors 'self'; form-action 'self'; base-uri 'self'; "
            + "object-src 'none'";

    /** A wrong password and an unreachable command-service are different news for the user. */
    private static AuthenticationFailureHandler signInFailures() {
        ExceptionMappingAuthenticationFailureHandler failures = new ExceptionMappingAuthenticationFailureHandler();
        failures.setDefaultFailureUrl("/signin?error");
        failures.setExceptionMappings(Map.of(AuthenticationServiceException.class.getName(), "/signin?unavailable"));
        return failures;
    }

    @Bean
    SecurityFilterChain pages(HttpSecurity http, PasswordCheckAtCommandService passwordCheck) throws Exception {
        http.authenticationProvider(passwordCheck)
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers("/signin", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error",
                                "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/admin/**").hasRole(ADMIN)
                        .requestMatchers("/", "/report", "/report/**").authenticated()
                        .requestMatchers("/recommendations/new", "/recommendations/measure-row").hasAnyRole(ANALYST, ADMIN)
                        .requestMatchers(HttpMethod.POST, "/recommendations", "/recommendations/**").hasAnyRole(ANALYST, ADMIN)
                        .requestMatchers("/imports", "/imports/**").hasAnyRole(ANALYST, ADMIN)
                        .anyRequest().hasAnyRole(ANALYST, MANAGER, ADMIN))
                .formLogin(form -> form.loginPage("/signin").loginProcessingUrl("/signin")
                        .defaultSuccessUrl("/").failureHandler(signInFailures()))
                .logout(out -> out.logoutUrl("/signout").logoutSuccessUrl("/signin?signedOut"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        // the report preview is a frame of this same origin
                        .frameOptions(frame -> frame.sameOrigin())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }
}
