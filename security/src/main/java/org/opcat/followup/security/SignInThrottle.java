package org.opcat.followup.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;

/**
 * Password guessing is limited by account and by client address.
 *
 * <p>By account, in the database (so for every instance): at most {@code maxFailedSignIns} password
 * checks in a row that do not succeed, then that account's password sign-in is locked for
 * {@code lockFor}. Each check is counted before it runs, atomically, so parallel requests get no
 * more checks than sequential ones.
 *
 * <p>By client address, in this instance's memory: an address from which a user signed in with
 * the right password within the last {@link #KNOWN_FOR} is that user's known address, and is not
 * held back by the account's lock, so a stranger elsewhere cannot lock a user out of work under
 * way; each known address has its own count and lock instead, with the same limits. A known
 * address's success does not reset the account's count, so it gives no one elsewhere more guesses.
 *
 * <p>Tokens relayed by the web interface are no password sign-in and are not throttled here.
 */
class SignInThrottle {

    static final Duration KNOWN_FOR = Duration.ofHours(12);
    private static final int MAX_KNOWN_ADDRESSES = 10_000;
    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

    /** A user's known address: until when it is known, its own count and lock. */
    private record KnownAddress(Instant knownUntil, int failures, Instant lockedUntil) {

        boolean lockedAt(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }

    /** Whether a password may be checked now, and whose count the check was taken from. */
    enum Check { REFUSED, BY_ACCOUNT, BY_KNOWN_ADDRESS, REMEMBERED }

    private final Map<String, KnownAddress> known = new ConcurrentHashMap<>();
    private final UserAccounts accounts;
    private final SecuritySettings settings;
    private final Clock clock;

    SignInThrottle(UserAccounts accounts, SecuritySettings settings, Clock clock) {
        this.accounts = accounts;
        this.settings = settings;
        this.clock = clock;
    }

    /** Whether sign-in from this address is locked now: its own lock if known, else the account's. */
    boolean locked(String username, String address, boolean accountLocked) {
        Instant now = clock.instant();
        KnownAddress entry = known.get(key(username, address));
        return entry != null && entry.knownUntil().isAfter(now) ? entry.lockedAt(now) : accountLocked;
    }

    /** Counts a password check about to run, or refuses it when the limit is reached. */
    Check reserve(String username, String address) {
        Instant now = clock.instant();
        Instant lockedUntil = now.plus(settings.lockFor());
        int limit = settings.maxFailedSignIns();
        Check[] taken = {Check.BY_ACCOUNT};
        known.computeIfPresent(key(username, address), (k, entry) -> {
            if (!entry.knownUntil().isAfter(now)) {
                return null; // forgotten: the account's count applies again
            }
            if (entry.lockedAt(now)) {
                taken[0] = Check.REFUSED;
                return entry;
            }
            int failures = entry.lockedUntil() == null ? entry.failures() + 1 : 1;
            taken[0] = Check.BY_KNOWN_ADDRESS;
            return new KnownAddress(entry.knownUntil(), failures, failures >= limit ? lockedUntil : null);
        });
        if (taken[0] == Check.BY_ACCOUNT && !accounts.reserveSignInCheck(username, limit, now, lockedUntil)) {
            return Check.REFUSED;
        }
        return taken[0];
    }

    /**
     * The right password: this address becomes (or stays) known and its count starts again; the
     * account's count starts again only when the check was the account's, or when failures were on
     * record and a {@link Check#REMEMBERED remembered} password came from an address not yet known.
     */
    void succeeded(String username, String address, Check check, boolean accountFailuresOnRecord) {
        Instant now = clock.instant();
        String key = key(username, address);
        boolean wasKnown = known.containsKey(key);
        if (!wasKnown && known.size() >= MAX_KNOWN_ADDRESSES) {
            known.entrySet().removeIf(e -> !e.getValue().knownUntil().isAfter(now));
        }
        if (wasKnown || known.size() < MAX_KNOWN_ADDRESSES) {
            known.put(key, new KnownAddress(now.plus(KNOWN_FOR), 0, null));
        }
        if (check == Check.BY_ACCOUNT || (check == Check.REMEMBERED && !wasKnown && accountFailuresOnRecord)) {
            accounts.signedIn(username);
        }
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent failure) {
        log.warn("failed sign-in for user {}", failure.getAuthentication().getName());
    }

    private static String key(String username, String address) {
        return username + '\u0000' + address;
    }
}
