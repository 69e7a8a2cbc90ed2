package org.opcat.followup.localrun;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** One service as its own java process, with its log in a file (also started by web-ui's browser tests). */
public final class ServiceProcess {

    private final Path repository;
    private final String name;
    private final int port;
    private final LocalDatabase database;
    private final Path logs;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private Process process;

    ServiceProcess(String name, int port, LocalDatabase database, Path logs) {
        this(Path.of(""), name, port, database, logs);
    }

    /**
     * @param repository the repository root, where {@code <name>/target/*-exec.jar} is built
     * @param database   null for a process without one (the web interface)
     */
    public ServiceProcess(Path repository, String name, int port, LocalDatabase database, Path logs) {
        this.repository = repository;
        this.name = name;
        this.port = port;
        this.database = database;
        this.logs = logs;
    }

    /** An extra environment variable for the process, e.g. the key that verifies the web interface's tokens. */
    public ServiceProcess with(String variable, String value) {
        environment.put(variable, value);
        return this;
    }

    public void start() throws IOException {
        Path jar;
        try (Stream<Path> built = Files.list(repository.resolve(name).resolve("target"))) {
            jar = built.filter(p -> p.getFileName().toString().endsWith("-exec.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException(name + " is not built: run ./run-local from the repository root"));
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-jar", jar.toString()))
                .redirectErrorStream(true)
                .redirectOutput(logs.resolve(name + ".log").toFile());
        builder.environment().putAll(settings());
        process = builder.start();
        System.out.println("starting " + name + " on port " + port + " (log: " + logs.resolve(name + ".log") + ")");
    }

    /** What the process is started with, on top of this one's environment. */
    Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        if (database != null) {
            settings.put("SPRING_DATASOURCE_URL", database.jdbcUrl());
            settings.put("SPRING_DATASOURCE_USERNAME", LocalDatabase.USER);
            settings.put("SPRING_DATASOURCE_PASSWORD", LocalDatabase.PASSWORD);
        }
        settings.put("SERVER_PORT", String.valueOf(port));
        // The demo users' passwords are public: nothing but this machine may reach the demo.
        settings.put("SERVER_ADDRESS", "127.0.0.1");
        settings.put("SPRING_PROFILES_ACTIVE", "demo");
        settings.put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        settings.putAll(environment);
        return settings;
    }

    public void awaitReady() throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " stopped; see " + logs.resolve(name + ".log"));
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    System.out.println(name + " is ready");
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        throw new IllegalStateException(name + " did not become ready in 3 minutes; see " + logs.resolve(name + ".log"));
    }

    /** Like a power cut for this process: SIGKILL, no shutdown hooks, no graceful stop. */
    public void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    public int port() {
        return port;
    }

    public void awaitExit() throws InterruptedException {
        process.waitFor();
    }

    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
