package org.opcat.followup.localrun;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;

/** PostgreSQL from the embedded binaries, its data kept in a folder between runs (also started by web-ui's browser tests). */
public final class LocalDatabase {

    static final int PORT = Integer.parseInt(System.getenv().getOrDefault("FOLLOWUP_LOCAL_DB_PORT", "54329"));
    static final String NAME = "followup";
    static final String USER = "followup";
    static final String PASSWORD = "followup-local";

    private final EmbeddedPostgres server;
    private final int port;

    private LocalDatabase(EmbeddedPostgres server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * The server listens on the loopback interface only and asks every connection for a password
     * (scram-sha-256), the superuser's included: the embedded binaries' initdb trusts every local
     * connection, so on first start (and on a data directory made before) the superuser gets a
     * random password, kept beside the data (owner-readable only), and pg_hba.conf is rewritten.
     */
    private static final String PG_HBA = """
            # ./run-local: a password for every connection, the loopback interface only
            local all all scram-sha-256
            host  all all 127.0.0.1/32 scram-sha-256
            host  all all ::1/128 scram-sha-256
            """;

    /**
     * For ./run-local, whose own shutdown hook stops PostgreSQL last, after the services. The embedded
     * server's shutdown hook would run at the same time as that one (the JVM starts every hook at
     * once) and stop PostgreSQL under services still shutting down: query-service then logged the
     * connections closed under it as errors before its orderly stop.
     */
    static LocalDatabase start(Path dataDirectory) throws IOException, SQLException {
        return start(dataDirectory, PORT, false);
    }

    /** On another port, so that a test stack does not collide with a running ./run-local. */
    public static LocalDatabase start(Path dataDirectory, int port) throws IOException, SQLException {
        return start(dataDirectory, port, true);
    }

    private static LocalDatabase start(Path dataDirectory, int port, boolean stopInShutdownHook)
            throws IOException, SQLException {
        boolean fresh = !Files.exists(dataDirectory.resolve("PG_VERSION"));
        Files.createDirectories(dataDirectory);
        String superuserPassword = superuserPassword(dataDirectory);
        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                // The library's own connections (its readiness check, the superuser's data source).
                .setConnectConfig("password", superuserPassword)
                .setServerConfig("listen_addresses", "localhost")
                .setRegisterShutdownHook(stopInShutdownHook)
                // The embedded server defaults suit throw-away test data; these data are kept.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .start();
        System.out.println((fresh ? "new" : "existing") + " PostgreSQL data in " + dataDirectory + ", port " + port);
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            Path hba = dataDirectory.resolve("pg_hba.conf");
            if (!Files.readString(hba).equals(PG_HBA)) {
                s.execute("ALTER ROLE postgres PASSWORD '" + superuserPassword + "'");
                Files.writeString(hba, PG_HBA);
                s.execute("SELECT pg_reload_conf()");
            }
            ResultSet role = s.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + USER + "'");
            if (!role.next()) {
                s.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
                s.execute("CREATE DATABASE " + NAME + " OWNER " + USER + " ENCODING 'UTF8' TEMPLATE template0");
            }
        }
        return new LocalDatabase(server, port);
    }

    /** Made once, kept beside the data directory, readable by its owner only; a wrong guess is all anyone else has. */
    private static String superuserPassword(Path dataDirectory) throws IOException {
        Path file = dataDirectory.resolveSibling(dataDirectory.getFileName() + "-superuser.password");
        if (Files.exists(file)) {
            return Files.readString(file).strip();
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = HexFormat.of().formatHex(random);
        Files.writeString(file, password + "\n");
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file stays in the user's own folder
        }
        return password;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + NAME;
    }

    /** A connection pool-less data source on the service database, as the services' user. */
    public javax.sql.DataSource dataSource() {
        return server.getDatabase(USER, NAME, Map.of("password", PASSWORD));
    }

    public long storedEvents() {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet count = s.executeQuery("SELECT count(*) FROM events.domain_event_entry")) {
            count.next();
            return count.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public void stop() {
        try {
            server.close();
        } catch (IOException e) {
            System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }

    public static void delete(Path home) throws IOException {
        if (!Files.exists(home)) {
            return;
        }
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        System.out.println("removed " + home);
    }
}
