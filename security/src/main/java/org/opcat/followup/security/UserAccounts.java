package org.opcat.followup.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The user register in table {@code security.user_account}. */
public class UserAccounts {

    /**
     * What sign-in needs: the account, its hash, and whether failed sign-ins are on record (only
     * then has a right password a count or a lock to reset).
     */
    public record Credentials(UserAccount account, String passwordHash, boolean failuresOnRecord) {
    }

    private static final String COLUMNS = "username, password_hash, roles, enabled, locked_until, changed_at, changed_by";

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;
    private final Clock clock;

    public UserAccounts(JdbcTemplate jdbc, PasswordEncoder passwords, Clock clock) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.clock = clock;
    }

    public Optional<Credentials> credentials(String username) {
        return jdbc.query("SELECT " + COLUMNS + ", failed_sign_ins <> 0 OR locked_until IS NOT NULL AS failures_on_record "
                        + "FROM security.user_account WHERE username = ?",
                (rs, n) -> new Credentials(account(rs), rs.getString("password_hash"), rs.getBoolean("failures_on_record")),
                username).stream().findFirst();
    }

    public Optional<UserAccount> find(String username) {
        return credentials(username).map(Credentials::account);
    }

    public List<UserAccount> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM security.user_account ORDER BY username", (rs, n) -> account(rs));
    }

    /** @return false if the name is taken */
    public boolean create(String username, String password, Set<Role> roles, String by) {
        return jdbc.update("INSERT INTO security.user_account (username, password_hash, roles, enabled, changed_at, changed_by) "
                + "VALUES (?, ?, ?, TRUE, ?, ?) ON CONFLICT (username) DO NOTHING",
                username, passwords.encode(password), roles(roles), now(), by) == 1;
    }

    public boolean changeRoles(String username, Set<Role> roles, String by) {
        return jdbc.update("UPDATE security.user_account SET roles = ?, changed_at = ?, changed_by = ? WHERE username = ?",
                roles(roles), now(), by, username) == 1;
    }

    public boolean changePassword(String username, String password, String by) {
        return jdbc.update("UPDATE security.user_account SET password_hash = ?, failed_sign_ins = 0, locked_until = NULL, "
                + "changed_at = ?, changed_by = ? WHERE username = ?", passwords.encode(password), now(), by, username) == 1;
    }

    public boolean enable(String username, boolean enabled, String by) {
        return jdbc.update("UPDATE security.user_account SET enabled = ?, changed_at = ?, changed_by = ? WHERE username = ?",
                enabled, now(), by, username) == 1;
    }

    public boolean hasPassword(String username, String password) {
        return credentials(username).filter(c -> passwords.matches(password, c.passwordHash())).isPresent();
    }

    public boolean anyAdministrator() {
        return all().stream().anyMatch(a -> a.enabled() && a.roles().contains(Role.ADMIN));
    }

    /**
     * Counts a password check before it runs, in one statement, so that parallel requests cannot
     * all read the same count: the {@code limit}-th check in a row locks the account until
     * {@code lockedUntil}, and while it is locked no check is counted nor allowed. A lock that has
     * run out starts a new count.
     *
     * @return whether the check may run (false: locked, or no such account)
     */
    public boolean reserveSignInCheck(String username, int limit, Instant now, Instant lockedUntil) {
        return jdbc.update("UPDATE security.user_account SET "
                + "failed_sign_ins = CASE WHEN locked_until IS NULL THEN failed_sign_ins + 1 ELSE 1 END, "
                + "locked_until = CASE WHEN (CASE WHEN locked_until IS NULL THEN failed_sign_ins + 1 ELSE 1 END) >= ? "
                + "THEN CAST(? AS TIMESTAMPTZ) ELSE NULL END "
                + "WHERE username = ? AND (locked_until IS NULL OR locked_until <= ?)",
                limit, Timestamp.from(lockedUntil), username, Timestamp.from(now)) == 1;
    }

    public void signedIn(String username) {
        jdbc.update("UPDATE security.user_account SET failed_sign_ins = 0, locked_until = NULL "
                + "WHERE username = ? AND (failed_sign_ins <> 0 OR locked_until IS NOT NULL)", username);
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static String roles(Set<Role> roles) {
        return roles.stream().sorted().map(Role::name).collect(Collectors.joining(","));
    }

    private static UserAccount account(ResultSet rs) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(rs.getString("roles").split(",")).filter(r -> !r.isBlank()).map(Role::valueOf).forEach(roles::add);
        Timestamp locked = rs.getTimestamp("locked_until");
        return new UserAccount(rs.getString("username"), roles, rs.getBoolean("enabled"),
                locked == null ? null : locked.toInstant(), rs.getTimestamp("changed_at").toInstant(), rs.getString("changed_by"));
    }
}
