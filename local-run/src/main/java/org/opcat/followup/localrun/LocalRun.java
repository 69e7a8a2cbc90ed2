package org.opcat.followup.localrun;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@code ./run-local}: PostgreSQL from embedded binaries, command-service and query-service as two
 * processes on it (as in production), the web interface, the demo data, and a banner with URLs and
 * users. The web interface's token key pair is generated into {@code .run-data/keys}. Ctrl-C
 * stops everything. Data stays in {@code .run-data/} for the next run; {@code --reset} starts afresh.
 */
public final class LocalRun {

    private LocalRun() {
    }

    public static void main(String[] args) throws Exception {
        List<String> options = Arrays.asList(args);
        Path home = Path.of(".run-data").toAbsolutePath();
        if (options.contains("--reset")) {
            LocalDatabase.delete(home);
        }
        Files.createDirectories(home.resolve("logs"));

        LocalDatabase database = LocalDatabase.start(home.resolve("postgres"));
        RelayKeys keys = RelayKeys.in(home.resolve("keys"));
        String trustedKey = "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_PUBLICKEYLOCATION";
        // The services take the web interface's tokens only when issued for this audience.
        String audience = "opcat-followup";
        ServiceProcess command = new ServiceProcess("command-service", 8081, database, home.resolve("logs"))
                .with(trustedKey, keys.publicKeyLocation())
                .with("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES", audience);
        ServiceProcess query = new ServiceProcess("query-service", 8082, database, home.resolve("logs"))
                .with(trustedKey, keys.publicKeyLocation())
                .with("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES", audience);
        ServiceProcess web = new ServiceProcess(Path.of(""), "web-ui", 8080, null, home.resolve("logs"))
                .with("FOLLOWUP_WEB_SIGNING_KEY", keys.privateKeyLocation())
                .with("FOLLOWUP_WEB_TOKEN_AUDIENCE", audience)
                .with("FOLLOWUP_WEB_COMMAND_URL", "http://localhost:8081")
                .with("FOLLOWUP_WEB_QUERY_URL", "http://localhost:8082");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nstopping…");
            web.stop();
            query.stop();
            command.stop();
            database.stop();
        }, "local-run-stop"));

        // command-service first: it migrates the event store that query-service reads.
        command.start();
        command.awaitReady();
        query.start();
        web.start();
        query.awaitReady();
        web.awaitReady();

        if (options.contains("--no-demo-data")) {
            System.out.println("no demo data loaded (--no-demo-data)");
        } else if (database.storedEvents() > 0) {
            System.out.println("reusing the " + database.storedEvents() + " events already stored");
        } else {
            DemoData.Loaded loaded = new DemoData(new DemoClient("http://localhost:8081")).load();
            System.out.printf("demo data loaded: %d authorities, %d places, %d recommendations, %d events%n",
                    loaded.authorities(), loaded.places(), loaded.recommendations(), database.storedEvents());
        }
        System.out.println("""

                ─────────────────────────────────────────────────────────────────────
                 Recommendation follow-up service is running
                   web interface http://localhost:8080  (sign in as a demo user below)
                   command API   http://localhost:8081/swagger-ui.html
                   query API     http://localhost:8082/swagger-ui.html
                   e.g.          curl -u manager:manager-demo http://localhost:8082/api/dashboard
                   report        http://localhost:8082/api/reports/annual/2025?format=html&lang=zh
                 demo users (password <name>-demo): analyst, manager, reporter, admin
                 logs          %s
                 data          %s  (kept for the next run; ./run-local --reset starts afresh)
                 Ctrl-C stops everything.
                ─────────────────────────────────────────────────────────────────────
                """.formatted(home.resolve("logs"), home));
        command.awaitExit();
        query.awaitExit();
        web.awaitExit();
    }
}
