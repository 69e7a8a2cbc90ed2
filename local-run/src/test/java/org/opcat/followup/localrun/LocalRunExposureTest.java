package org.opcat.followup.localrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ./run-local's demo passwords are public, so what it starts is reachable from this machine only,
 * and its PostgreSQL lets nobody in without a password, the superuser included, across restarts.
 */
class LocalRunExposureTest {

    @TempDir
    Path home;

    @Test
    void theDatabaseAsksEveryoneForAPasswordAndListensOnTheLoopbackOnly() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/" + LocalDatabase.NAME;
        for (int start = 1; start <= 2; start++) {
            LocalDatabase database = LocalDatabase.start(home.resolve("postgres"), port);
            try {
                assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "").close())
                        .as("start %d: the superuser without a password", start).hasMessageContaining("password");
                assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "postgres").close())
                        .as("start %d: the superuser with a guessed password", start)
                        .hasMessageContaining("password authentication failed");
                assertThatThrownBy(() -> DriverManager.getConnection(url, LocalDatabase.USER, "").close())
                        .as("start %d: the services' role without its password", start).hasMessageContaining("password");
                try (Connection c = DriverManager.getConnection(url, LocalDatabase.USER, LocalDatabase.PASSWORD);
                     Statement s = c.createStatement(); ResultSet listen = s.executeQuery("SHOW listen_addresses")) {
                    listen.next();
                    assertThat(listen.getString(1)).isEqualTo("localhost");
                }
                assertThat(database.dataSource().getConnection()).isNotNull();
            } finally {
                database.stop();
            }
        }
        Path password = home.resolve("postgres-superuser.password");
        assertThat(Files.readString(password).strip()).hasSize(48);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(password))).isEqualTo("rw-------");
    }

    @Test
    void theServicesAndTheWebInterfaceListenOnTheLoopbackOnly() {
        assertThat(new ServiceProcess("command-service", 8081, null, home).settings())
                .containsEntry("SERVER_ADDRESS", "127.0.0.1");
        assertThat(new ServiceProcess("web-ui", 8080, null, home).settings())
                .containsEntry("SERVER_ADDRESS", "127.0.0.1");
    }
}
