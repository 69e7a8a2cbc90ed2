package org.opcat.followup.web.relay;

import java.net.http.HttpClient;
import java.time.Duration;
import org.opcat.followup.web.WebSettings;
import org.opcat.followup.web.language.ProblemWording;
import org.opcat.followup.web.signin.SignedInUser;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.client.RestClient;

/**
 * The two services' REST clients. Every call carries a fresh identity token of the user whose
 * request is being served, to both services alike, and every refusal becomes an {@link ApiRefusal}.
 */
@Configuration(proxyBeanMethods = false)
class ServiceClients {

    @Bean
    CommandApi commandApi(RestClient.Builder builder, WebSettings settings, IdentityToken tokens, ProblemWording wording) {
        return new CommandApi(client(builder, settings.commandUrl(), tokens, wording, Duration.ofSeconds(30)));
    }

    /** 10,000 rows take about a minute to validate on a loaded machine, as long again to store. */
    @Bean
    SpreadsheetImports spreadsheetImports(RestClient.Builder builder, WebSettings settings, IdentityToken tokens, ProblemWording wording) {
        return new SpreadsheetImports(client(builder, settings.commandUrl(), tokens, wording, Duration.ofMinutes(10)));
    }

    @Bean
    QueryApi queryApi(RestClient.Builder builder, WebSettings settings, IdentityToken tokens, ProblemWording wording) {
        return new QueryApi(client(builder, settings.queryUrl(), tokens, wording, Duration.ofSeconds(30)), wording);
    }

    private static RestClient client(RestClient.Builder builder, String baseUrl, IdentityToken tokens, ProblemWording wording,
            Duration readTimeout) {
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build());
        // query-service waits up to 5 s for a minVersion; the annual report pdf takes a few seconds too
        factory.setReadTimeout(readTimeout);
        return builder.clone()
                .baseUrl(baseUrl)
                .requestFactory(factory)
                .requestInterceptor(relayedIdentity(tokens))
                .requestInterceptor(pageLanguage())
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> ApiRefusal.raise(request, response, wording))
                .build();
    }

    /**
     * The page's language, so that the services word their refusals in it: a Chinese page shows a
     * refused form's problems in Chinese.
     */
    private static ClientHttpRequestInterceptor pageLanguage() {
        return (request, body, execution) -> {
            request.getHeaders().set(HttpHeaders.ACCEPT_LANGUAGE, LocaleContextHolder.getLocale().getLanguage());
            return execution.execute(request, body);
        };
    }

    private static ClientHttpRequestInterceptor relayedIdentity(IdentityToken tokens) {
        return (request, body, execution) -> {
            Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
            if (signedIn != null && signedIn.getPrincipal() instanceof SignedInUser user) {
                request.getHeaders().set(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.mint(user));
            }
            return execution.execute(request, body);
        };
    }
}
