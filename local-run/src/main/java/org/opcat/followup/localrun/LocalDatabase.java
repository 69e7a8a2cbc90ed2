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
import java.util.Comparator;
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
        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setRegisterShutdownHook(stopInShutdownHook)
                // The embedded server defaults suit throw-away test data; these data are kept.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .start();
        System.out.println((fresh ? "new" : "existing") + " PostgreSQL data in " + dataDirectory + ", port " + port);
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            ResultSet role = s.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + USER + "'");
            if (!role.next()) {
                s.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
                s.execute("CREATE DATABASE " + NAME + " OWNER " + USER + " ENCODING 'UTF8' TEMPLATE template0");
            }
        }
        return new LocalDatabase(server, port);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + NAME;
    }

    /** A connection pool-less data source on the service database, as the services' user. */
    public javax.sql.DataSource dataSource() {
        return server.getDatabase(USER, NAME);
    }

    public long storedEvents() {
        try (Connection c = server.getDatabase(USER, NAME).getConnection(); Statement s = c.createStatement();
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
