package org.opcat.followup.web;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.opcat.followup.localrun.DemoClient;
import org.opcat.followup.localrun.DemoData;
import org.opcat.followup.localrun.LocalDatabase;
import org.opcat.followup.localrun.RelayKeys;
import org.opcat.followup.localrun.ServiceProcess;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole product for the browser tests, once per test run, as {@code ./run-local} starts it:
 * PostgreSQL from the embedded binaries, command-service and query-service as processes (the jars
 * the build just made), the demo data through the API, and the web interface in this JVM. Free
 * ports and a fresh key pair and database in a temporary folder, so it never collides with a
 * running {@code ./run-local} or another build on the machine.
 */
final class TestStack {

    /** Not the default: the web interface and the services agree on it only if both pass it on. */
    static final String AUDIENCE = "opcat-followup-test";

    private static TestStack running;

    final String commandUrl;
    final String queryUrl;
    final String webUrl;
    final RelayKeys keys;

    private TestStack(String commandUrl, String queryUrl, String webUrl, RelayKeys keys) {
        this.commandUrl = commandUrl;
        this.queryUrl = queryUrl;
        this.webUrl = webUrl;
        this.keys = keys;
    }

    static synchronized TestStack get() throws Exception {
        if (running == null && System.getProperty("stack.web") != null) {
            // While working on pages: the stack of a HoldStack run, the web interface restarted at will.
            running = new TestStack(System.getProperty("stack.command"), System.getProperty("stack.query"),
                    System.getProperty("stack.web"), RelayKeys.in(Path.of(System.getProperty("stack.keys"))));
        }
        if (running == null) {
            running = start();
        }
        return running;
    }

    private static TestStack start() throws Exception {
        Path repository = Path.of(System.getProperty("followup.repository", "..")).toAbsolutePath().normalize();
        Path home = Files.createTempDirectory("web-ui-browser-test");
        Path logs = Files.createDirectories(Path.of("target", "stack-logs").toAbsolutePath());
        RelayKeys keys = RelayKeys.in(home.resolve("keys"));
        LocalDatabase database = LocalDatabase.start(home.resolve("postgres"), freePort());
        int commandPort = freePort();
        int queryPort = freePort();
        String trustedKey = "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_PUBLICKEYLOCATION";
        String audience = "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES";
        ServiceProcess command = new ServiceProcess(repository, "command-service", commandPort, database, logs)
                .with(trustedKey, keys.publicKeyLocation()).with(audience, AUDIENCE);
        ServiceProcess query = new ServiceProcess(repository, "query-service", queryPort, database, logs)
                .with(trustedKey, keys.publicKeyLocation()).with(audience, AUDIENCE);
        command.start();
        command.awaitReady();
        query.start();
        query.awaitReady();
        String commandUrl = "http://localhost:" + commandPort;
        String queryUrl = "http://localhost:" + queryPort;
        new DemoData(new DemoClient(commandUrl)).load();

        ConfigurableApplicationContext web = SpringApplication.run(WebUiApplication.class,
                "--server.port=0",
                "--followup.web.command-url=" + commandUrl,
                "--followup.web.query-url=" + queryUrl,
                "--followup.web.signing-key=" + keys.privateKeyLocation(),
                "--followup.web.token-audience=" + AUDIENCE,
                "--spring.main.banner-mode=off");
        int webPort = ((WebServerApplicationContext) web).getWebServer().getPort();

        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            web.close();
            // Throwaway data: no graceful shutdown to wait for (it takes long on a busy machine).
            try {
                query.kill();
                command.kill();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            database.stop();
            try {
                LocalDatabase.delete(home);
            } catch (IOException e) {
                System.err.println("could not remove " + home + ": " + e.getMessage());
            }
        }, "test-stack-stop"));
        return new TestStack(commandUrl, queryUrl, "http://localhost:" + webPort, keys);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
