package org.opcat.followup.security;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;

/**
 * Guessing passwords: after {@code maxFailedSignIns} wrong passwords in a row for one user name,
 * that account is locked for {@code lockFor}; other users are not affected. A right password
 * resets the count.
 */
class SignInThrottle {

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

    private final UserAccounts accounts;
    private final SecuritySettings settings;
    private final Clock clock;

    SignInThrottle(UserAccounts accounts, SecuritySettings settings, Clock clock) {
        this.accounts = accounts;
        this.settings = settings;
        this.clock = clock;
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent failure) {
        String username = failure.getAuthentication().getName();
        log.warn("failed sign-in for user {}", username);
        accounts.signInFailed(username, settings.maxFailedSignIns(), clock.instant().plus(settings.lockFor()));
    }

    /**
     * Every request signs in (HTTP Basic), so this runs for every request: it writes only when
     * failures are on record, which the sign-in's own read of the account has just told.
     */
    @EventListener
    void succeeded(AuthenticationSuccessEvent success) {
        if (success.getAuthentication().getPrincipal() instanceof RegisteredUsers.RegisteredUser user
                && !user.failuresOnRecord()) {
            return;
        }
        accounts.signedIn(success.getAuthentication().getName());
    }
}
