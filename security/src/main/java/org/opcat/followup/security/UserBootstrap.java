package org.opcat.followup.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * The first users. The {@code demo} profile creates {@code analyst}, {@code manager},
 * {@code reporter} and {@code admin}, each with password {@code <name>-demo}. Any other profile
 * refuses to start while one of them still has that password: a demo installation must never
 * quietly become a real one. An operator creates the first real administrator with
 * {@code FOLLOWUP_SECURITY_BOOTSTRAP_ADMIN_PASSWORD}.
 */
@DependsOnDatabaseInitialization
class UserBootstrap implements InitializingBean {

    static final String DEMO_PROFILE = "demo";
    static final List<String> DEMO_USERS = List.of("analyst", "manager", "reporter", "admin");
    private static final Logger log = LoggerFactory.getLogger(UserBootstrap.class);

    private final UserAccounts accounts;
    private final SecuritySettings settings;
    private final Environment environment;

    UserBootstrap(UserAccounts accounts, SecuritySettings settings, Environment environment) {
        this.accounts = accounts;
        this.settings = settings;
        this.environment = environment;
    }

    @Override
    public void afterPropertiesSet() {
        if (settings.jwt()) {
            return; // users live in the identity provider
        }
        if (environment.acceptsProfiles(Profiles.of(DEMO_PROFILE))) {
            for (String name : DEMO_USERS) {
                if (accounts.create(name, demoPassword(name), Set.of(Role.valueOf(name.toUpperCase())), "demo-profile")) {
                    log.warn("demo user {} created with password {}: for demonstrations only", name, demoPassword(name));
                }
            }
            return;
        }
        for (String name : DEMO_USERS) {
            if (accounts.hasPassword(name, demoPassword(name))) {
                throw new IllegalStateException("Refusing to start: user '" + name + "' still has its demo password. "
                        + "Change it (PUT /api/users/" + name + "/password, or start once with profile demo to do so) "
                        + "or disable the account.");
            }
        }
        String bootstrap = settings.bootstrapAdminPassword();
        if (bootstrap != null && !bootstrap.isBlank() && !accounts.anyAdministrator()) {
            if (!Passwords.acceptable("admin", bootstrap)) {
                throw new IllegalStateException("Refusing to start: the bootstrap admin password is too weak ("
                        + Passwords.RULE + ")");
            }
            accounts.create("admin", bootstrap, EnumSet.of(Role.ADMIN), "bootstrap");
            log.info("administrator 'admin' created from FOLLOWUP_SECURITY_BOOTSTRAP_ADMIN_PASSWORD");
        }
    }

    static String demoPassword(String name) {
        return name + "-demo";
    }
}
