package org.opcat.followup.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * HTTP Basic sends the password with every request, and bcrypt is built to be slow (tens of
 * milliseconds). A password that was verified moments ago for the same user and the same stored
 * hash is not verified again for a few minutes: the account is still loaded on every request, so
 * a disabled account, a lock ({@link SignInThrottle}) or changed roles take effect at once, and a
 * changed password changes the stored hash and so invalidates the shortcut. What is remembered is an HMAC under a
 * key that lives only in this process, never the password.
 *
 * <p>Every refusal takes as long as a wrong password: an unknown user is compared with a made-up
 * hash (Spring's own guard), and so are disabled and locked accounts, so that how fast the answer
 * comes tells nobody which names exist or which accounts are locked. {@link SignInThrottle} counts
 * each real comparison before it runs.
 */
class RecentlyVerifiedPasswords extends DaoAuthenticationProvider {

    private static final Duration REMEMBER_FOR = Duration.ofMinutes(5);
    private static final int MAX_ENTRIES = 10_000;

    private final Map<String, Instant> verified = new ConcurrentHashMap<>();
    private final SecretKeySpec key;
    private final Clock clock;
    private final SignInThrottle throttle;
    private final PasswordEncoder passwords;
    private final String madeUpHash;

    RecentlyVerifiedPasswords(UserDetailsService users, PasswordEncoder passwords, Clock clock, SignInThrottle throttle) {
        super(passwords);
        setUserDetailsService(users);
        // Disabled and locked accounts are refused below, after as long as a password comparison takes.
        setPreAuthenticationChecks(user -> { });
        this.passwords = passwords;
        this.throttle = throttle;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.clock = clock;
        byte[] nothing = new byte[16];
        new SecureRandom().nextBytes(nothing);
        // The same encoder, hence the same cost, as the stored hashes.
        this.madeUpHash = passwords.encode(Base64.getEncoder().encodeToString(nothing));
    }

    @Override
    protected void additionalAuthenticationChecks(UserDetails user, UsernamePasswordAuthenticationToken authentication) {
        Object credentials = authentication.getCredentials();
        String presented = credentials == null ? "" : credentials.toString();
        String username = user.getUsername();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null
                ? web.getRemoteAddress() : "";
        if (!user.isEnabled()) {
            refuseAsSlowlyAsAWrongPassword(presented);
            throw new DisabledException("disabled");
        }
        if (throttle.locked(username, address, !user.isAccountNonLocked())) {
            refuseAsSlowlyAsAWrongPassword(presented);
            throw new LockedException("locked");
        }
        boolean failuresOnRecord = user instanceof RegisteredUsers.RegisteredUser registered && registered.failuresOnRecord();
        String fingerprint = credentials == null ? null : fingerprint(username, presented, user.getPassword());
        Instant now = clock.instant();
        Instant until = fingerprint == null ? null : verified.get(fingerprint);
        if (until != null && now.isBefore(until)) {
            throttle.succeeded(username, address, SignInThrottle.Check.REMEMBERED, failuresOnRecord);
            return;
        }
        SignInThrottle.Check check = throttle.reserve(username, address);
        if (check == SignInThrottle.Check.REFUSED) {
            refuseAsSlowlyAsAWrongPassword(presented);
            throw new LockedException("locked");
        }
        super.additionalAuthenticationChecks(user, authentication); // throws on a wrong password; it stays counted
        throttle.succeeded(username, address, check, failuresOnRecord);
        if (fingerprint == null) {
            return;
        }
        if (verified.size() >= MAX_ENTRIES) {
            verified.entrySet().removeIf(e -> !now.isBefore(e.getValue()));
            if (verified.size() >= MAX_ENTRIES) {
                verified.clear();
            }
        }
        verified.put(fingerprint, now.plus(REMEMBER_FOR));
    }

    private void refuseAsSlowlyAsAWrongPassword(String presented) {
        passwords.matches(presented, madeUpHash);
    }

    private String fingerprint(String username, String password, String storedHash) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(username.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(password.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(storedHash.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
