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
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * HTTP Basic sends the password with every request, and bcrypt is built to be slow (tens of
 * milliseconds). A password that was verified moments ago for the same user and the same stored
 * hash is not verified again for a few minutes: the account is still loaded on every request, so
 * a disabled or locked account, or changed roles, take effect at once, and a changed password
 * changes the stored hash and so invalidates the shortcut. What is remembered is an HMAC under a
 * key that lives only in this process, never the password.
 */
class RecentlyVerifiedPasswords extends DaoAuthenticationProvider {

    private static final Duration REMEMBER_FOR = Duration.ofMinutes(5);
    private static final int MAX_ENTRIES = 10_000;

    private final Map<String, Instant> verified = new ConcurrentHashMap<>();
    private final SecretKeySpec key;
    private final Clock clock;

    RecentlyVerifiedPasswords(UserDetailsService users, PasswordEncoder passwords, Clock clock) {
        super(passwords);
        setUserDetailsService(users);
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.clock = clock;
    }

    @Override
    protected void additionalAuthenticationChecks(UserDetails user, UsernamePasswordAuthenticationToken authentication) {
        Object credentials = authentication.getCredentials();
        if (credentials == null) {
            super.additionalAuthenticationChecks(user, authentication);
            return;
        }
        String fingerprint = fingerprint(user.getUsername(), credentials.toString(), user.getPassword());
        Instant now = clock.instant();
        Instant until = verified.get(fingerprint);
        if (until != null && now.isBefore(until)) {
            return;
        }
        super.additionalAuthenticationChecks(user, authentication); // throws on a wrong password
        if (verified.size() >= MAX_ENTRIES) {
            verified.entrySet().removeIf(e -> !now.isBefore(e.getValue()));
            if (verified.size() >= MAX_ENTRIES) {
                verified.clear();
            }
        }
        verified.put(fingerprint, now.plus(REMEMBER_FOR));
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
