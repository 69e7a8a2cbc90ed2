package org.opcat.followup.security;

import java.time.Clock;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** Sign-in against the user register: disabled accounts and locked ones are refused. */
class RegisteredUsers implements UserDetailsService {

    private final UserAccounts accounts;
    private final Clock clock;

    RegisteredUsers(UserAccounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        UserAccounts.Credentials credentials = accounts.credentials(username)
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
        UserAccount account = credentials.account();
        boolean locked = account.lockedAt(clock.instant());
        UserDetails user = User.withUsername(account.username())
                .password(credentials.passwordHash())
                .authorities(account.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList())
                .disabled(!account.enabled())
                .accountLocked(locked)
                .build();
        return new RegisteredUser(user, credentials.failuresOnRecord());
    }

    /** A signed-in user as the register knew it at sign-in: {@link SignInThrottle} needs the failures. */
    static final class RegisteredUser extends User {

        private final boolean failuresOnRecord;

        RegisteredUser(UserDetails user, boolean failuresOnRecord) {
            super(user.getUsername(), user.getPassword(), user.isEnabled(), user.isAccountNonExpired(),
                    user.isCredentialsNonExpired(), user.isAccountNonLocked(), user.getAuthorities());
            this.failuresOnRecord = failuresOnRecord;
        }

        boolean failuresOnRecord() {
            return failuresOnRecord;
        }
    }
}
