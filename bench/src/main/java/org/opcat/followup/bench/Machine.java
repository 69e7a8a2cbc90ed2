package org.opcat.followup.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;

/**
 * What the figures were measured on. The machine is shared, so the load average is printed before
 * and after: figures taken at a high load are not capacity, only ratios are comparable.
 */
final class Machine {

    private Machine() {
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "?";
        }
    }

    static double load1() {
        try {
            return Double.parseDouble(loadAverage().split(" ")[0]);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    static String describe(BenchDatabase db) throws SQLException {
        long memKb = 0;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    memKb = Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException e) {
            // unknown memory: printed as 0
        }
        StringBuilder settings = new StringBuilder();
        for (String name : new String[] {"fsync", "synchronous_commit", "shared_buffers", "wal_buffers", "work_mem",
                "max_connections", "checkpoint_timeout", "max_wal_size"}) {
            settings.append(name).append('=').append(db.text("SHOW " + name)).append(' ');
        }
        return String.format(Locale.ROOT, """
                        machine: %d cores (nproc), %.1f GB memory, load average %s
                        java: %s %s (%s); services run with -Xmx256m
                        postgresql: %s
                        settings: %s""",
                Runtime.getRuntime().availableProcessors(), memKb / 1024.0 / 1024.0, loadAverage(),
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"), System.getProperty("java.vendor"),
                db.text("SELECT version()"), settings.toString().trim());
    }
}
