package org.opcat.followup.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opcat.followup.localrun.ServiceProcess;

/**
 * One service as a process, started as ./run-local starts it (local-run's ServiceProcess, -Xmx256m,
 * demo users) but on the bench database and on ports of its own, so that it never meets another
 * engineer's local run. Knows its pid (for jcmd and /proc) by the port it listens on.
 */
final class Service {

    final String name;
    final int port;
    private final Path repository;
    private final Path logs;
    private final BenchDatabase db;
    private ServiceProcess process;

    Service(Path repository, String name, int port, BenchDatabase db, Path logs) {
        this.repository = repository;
        this.name = name;
        this.port = port;
        this.db = db;
        this.logs = logs;
    }

    String base() {
        return "http://localhost:" + port;
    }

    /** Starts and waits until /actuator/health answers 200; answers the seconds that took. */
    double start(Map<String, String> extraEnvironment) throws IOException, InterruptedException {
        process = new ServiceProcess(repository, name, port, null, logs)
                .with("SPRING_DATASOURCE_URL", db.url)
                .with("SPRING_DATASOURCE_USERNAME", db.user)
                .with("SPRING_DATASOURCE_PASSWORD", db.password);
        extraEnvironment.forEach(process::with);
        long start = System.nanoTime();
        process.start();
        process.awaitReady();
        return (System.nanoTime() - start) / 1e9;
    }

    void stop() {
        if (process != null) {
            process.stop();
            process = null;
        }
    }

    /** The pid of the java process listening on our port (ss names it). */
    long pid() throws IOException, InterruptedException {
        Process ss = new ProcessBuilder("ss", "-Htlnp", "sport = :" + port).redirectErrorStream(true).start();
        String out = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        ss.waitFor(10, TimeUnit.SECONDS);
        Matcher m = Pattern.compile("pid=(\\d+)").matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("no process listens on port " + port + ": " + out);
        }
        return Long.parseLong(m.group(1));
    }
}
