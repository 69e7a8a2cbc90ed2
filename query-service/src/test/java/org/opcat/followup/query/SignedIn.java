package org.opcat.followup.query;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.annotation.Bean;

/** TestRestTemplate signs in as the demo administrator unless a test says otherwise. */
@TestConfiguration(proxyBeanMethods = false)
public class SignedIn {

    @Bean
    RestTemplateBuilder signedInAsAdmin() {
        return new RestTemplateBuilder().basicAuthentication("admin", "admin-demo");
    }
}
