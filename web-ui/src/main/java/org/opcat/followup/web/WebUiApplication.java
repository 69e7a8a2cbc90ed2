package org.opcat.followup.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The web interface (port 8080): server-rendered pages for analysts, management, the report and
 * administration. It holds no data of its own: every page is made from command-service's and
 * query-service's REST APIs, called with a short-lived token that names the signed-in user.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WebUiApplication {

    public static void main(String[] args) {
        SpringApplication.run(WebUiApplication.class, args);
    }
}
