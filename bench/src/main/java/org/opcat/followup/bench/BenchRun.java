package org.opcat.followup.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;

/**
 * The whole benchmark, in the order that keeps measurements apart: append (HTTP and raw commits)
 * on a small store; then a register of generated events, the raw select+deserialize baseline and
 * the replay of every read model over it; then, at that size, freshness, queries, footprint,
 * annual reports and the import. Prints one table at the end (and writes it to
 * bench/target/bench-results.md). Started by bench/run, which prepares PostgreSQL and the build.
 *
 * <p>Arguments, all optional, {@code key=value}: events (1000000), commands (20000), writes (2000),
 * rate (writes per second, 40), requests (per query kind, 200), rows (import, 10000), year (2025),
 * skip (comma-separated: append, replay, freshness, queries, footprint, import, report, pdf, html).
 */
public final class BenchRun {

    private BenchRun() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            options.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        int events = Integer.parseInt(options.getOrDefault("events", "1000000"));
        int commands = Integer.parseInt(options.getOrDefault("commands", "20000"));
        int writes = Integer.parseInt(options.getOrDefault("writes", "2000"));
        int rate = Integer.parseInt(options.getOrDefault("rate", "40"));
        int requests = Integer.parseInt(options.getOrDefault("requests", "200"));
        int rows = Integer.parseInt(options.getOrDefault("rows", "10000"));
        int year = Integer.parseInt(options.getOrDefault("year", "2025"));
        List<String> skip = List.of(options.getOrDefault("skip", "").split(","));
        Path repository = Path.of(options.getOrDefault("repository", ".")).toAbsolutePath().normalize();
        Path logs = repository.resolve("bench/target/logs");
        Files.createDirectories(logs);

        BenchDatabase db = new BenchDatabase(
                System.getenv().getOrDefault("BENCH_DB_URL", "jdbc:postgresql://localhost:5432/followup_bench"),
                System.getenv().getOrDefault("BENCH_DB_USER", "bench"), System.getenv().getOrDefault("BENCH_DB_PASSWORD", "bench"));
        String machineBefore = Machine.describe(db);
        System.out.println(machineBefore);
        String run = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);
        Figures f = new Figures();
        int recommendations = events / 10;

        int portBase = Integer.parseInt(System.getenv().getOrDefault("BENCH_PORT_BASE", "18080"));
        Service command = new Service(repository, "command-service", portBase + 1, db, logs);
        Service query = new Service(repository, "query-service", portBase + 2, db, logs);
        try {
            step("start-up on an empty store");
            f.info("start-up command-service, empty store", command.start(Map.of()), "s");
            f.info("start-up query-service, empty store", query.start(Map.of()), "s");
            Api analyst = new Api(command.base(), "analyst");
            Api commandAdmin = new Api(command.base(), "admin");
            Api reader = new Api(query.base(), "analyst");
            Api queryAdmin = new Api(query.base(), "admin");

            AppendThroughHttp append = new AppendThroughHttp(analyst, commandAdmin, run, 8);
            if (!skip.contains("append")) {
                append(db, f, append, commands, run);
            } else {
                append.run(1, 400, run + "-w");
            }

            if (!skip.contains("replay")) {
                step("generate " + recommendations + " recommendations × 10 events through the event table");
                query.stop();
                long start = System.nanoTime();
                long generated = new EventGenerator(db).generate(recommendations, 2);
                double seconds = (System.nanoTime() - start) / 1e9;
                f.info("generate: batched INSERTs through events.domain_event_entry (trigger on)", generated / seconds, "events/s");
                db.execute("ANALYZE events.domain_event_entry");

                step("baseline: select + deserialize every event");
                RawReadBaseline.Result read = new RawReadBaseline(db).selectAndDeserialize(1000);
                System.out.printf(Locale.ROOT, "    %d events in %.1f s: %.0f events/s%n", read.events(), read.seconds(), read.perSecond());

                step("replay every read model (query-service started with FOLLOWUP_REPLAY_ON_START=true)");
                f.info("start-up query-service, " + read.events() + " events stored", query.start(
                        Map.of("FOLLOWUP_REPLAY_ON_START", "true")), "s");
                ReplayOfReadModels.Result replay = ReplayOfReadModels.await(queryAdmin, Duration.ofMinutes(60));
                f.against("replay: events/s (baseline: select + Jackson)", replay.perSecond(), "events/s", read.perSecond(), 0.30);
                f.atMost(String.format(Locale.ROOT, "replay: total time for %,d events", replay.events()), replay.seconds(), "s", 60);
                System.out.printf(Locale.ROOT, "    replay: %d events in %.1f s%n", replay.events(), replay.seconds());
            }

            if (!skip.contains("freshness")) {
                step(writes + " writes at " + rate + "/s, each then read with minVersion");
                List<UUID> targets = new ArrayList<>(append.recommendations);
                Histogram lag = Freshness.measure(append, reader, targets, writes, rate);
                f.info("freshness p50: command answered → query answered (minVersion)", lag.getValueAtPercentile(50) / 1000.0, "ms");
                f.info("freshness p95", lag.getValueAtPercentile(95) / 1000.0, "ms");
                f.atMost("freshness p99", lag.getValueAtPercentile(99) / 1000.0, "ms", 150);
            }

            if (!skip.contains("queries")) {
                step("queries, " + requests + " each after 20 warm-up requests");
                QueryLatencies queries = new QueryLatencies(reader, Math.max(recommendations, 1));
                for (Map.Entry<String, IntFunction<String>> kind : queries.requests().entrySet()) {
                    String name = kind.getKey();
                    int n = name.equals("dashboard") ? Math.max(20, requests / 4) : requests;
                    Histogram h = queries.measure(kind.getValue(), name.equals("dashboard") ? 5 : 20, n);
                    double p50 = h.getValueAtPercentile(50) / 1000.0;
                    double p99 = h.getValueAtPercentile(99) / 1000.0;
                    System.out.printf(Locale.ROOT, "    %-50s p50 %7.1f ms  p99 %7.1f ms%n", name, p50, p99);
                    double target = name.startsWith("list") ? 25 : name.equals("detail") ? 10 : name.equals("dashboard") ? 50 : 0;
                    f.info(name + " p50", p50, "ms");
                    if (target > 0) {
                        f.atMost(name + " p99", p99, "ms", target);
                    } else {
                        f.info(name + " p99", p99, "ms");
                    }
                }
            }

            if (!skip.contains("footprint")) {
                step("footprint");
                for (Service s : List.of(command, query)) {
                    Footprint.Result fp = Footprint.of(s.pid());
                    f.atMost(s.name + ": heap used after full GC (-Xmx256m)", fp.heapAfterGcMb(), "MB", 256);
                    f.info(s.name + ": resident set (VmRSS)", fp.rssMb(), "MB");
                }
            }

            if (!skip.contains("report")) {
                step("annual report " + year);
                AnnualReportTimes report = new AnnualReportTimes(queryAdmin, year);
                report.time("json", "en", 1, Duration.ofMinutes(5)); // warm-up
                AnnualReportTimes.Result json = report.time("json", "en", 3, Duration.ofMinutes(5));
                if (json.failure() != null) {
                    f.failed("annual report json", json.failure(), true, "≤ 2.00");
                } else {
                    f.atMost(String.format(Locale.ROOT, "annual report json (%.0f MB)", json.bytes() / 1e6), json.medianSeconds(),
                            "s", 2);
                }
                for (String format : List.of("csv", "html", "pdf")) {
                    if (!skip.contains(format)) {
                        AnnualReportTimes.Result r = report.time(format, "en", 1, Duration.ofMinutes(format.equals("pdf") ? 3 : 5));
                        if (r.failure() != null) {
                            f.failed("annual report " + format, r.failure(), false, "");
                        } else {
                            f.info(String.format(Locale.ROOT, "annual report %s (%.1f MB)", format, r.bytes() / 1e6),
                                    r.medianSeconds(), "s");
                        }
                    }
                }
            }

            // Last: its burst of 10,000 appends once exhausted query-service's 256 MB heap (docs/benchmarks.md),
            // after which nothing could be measured on the query side.
            if (!skip.contains("import")) {
                step("spreadsheet import of " + rows + " rows");
                // As an administrator: the workbook's 50 authorities are registered by the import (createMissing).
                for (SpreadsheetImport.Result r : SpreadsheetImport.run(command.base(), commandAdmin.authorization(), rows, run)) {
                    f.info("import " + rows + " rows: " + r.label(), r.seconds(), "s");
                }
            }
        } finally {
            command.stop();
            query.stop();
            String table = "load average at the start: " + machineBefore.replaceAll("(?s).*load average ([0-9. ]+)\n.*", "$1")
                    + ", at the end: " + Machine.loadAverage() + "\n\n" + f.table();
            String out = "# Benchmark " + Instant.now() + "\n\n```\n" + machineBefore + "\n```\n\n" + table + "\n";
            Files.writeString(repository.resolve("bench/target/bench-results.md"), out, StandardCharsets.UTF_8);
            System.out.println();
            System.out.println(out);
        }
    }

    private static void append(BenchDatabase db, Figures f, AppendThroughHttp append, int commands, String run) throws Exception {
        step("append: " + commands + " mixed commands through HTTP, 1 then 8 clients");
        append.run(1, 400, run + "-w"); // warm-up (JIT, connection pools), not counted
        AppendThroughHttp.Result one = append.run(1, commands, run + "-a");
        System.out.printf(Locale.ROOT, "    1 client: %.0f commands/s%n", one.perSecond());
        AppendThroughHttp.Result eight = append.run(8, commands, run + "-b");
        System.out.printf(Locale.ROOT, "    8 clients: %.0f commands/s%n", eight.perSecond());

        int payload = (int) db.number("SELECT avg(length(payload))::int FROM events.domain_event_entry WHERE type = 'Recommendation'");
        int metaData = (int) db.number("SELECT avg(length(metaData))::int FROM events.domain_event_entry WHERE type = 'Recommendation'");
        step("baseline: single-row INSERT + COMMIT, payload " + payload + " B, metadata " + metaData + " B, hash trigger on");
        RawCommitBaseline raw = new RawCommitBaseline(db);
        raw.createTable();
        raw.commitsPerSecond(1, 400, payload, metaData); // warm-up
        double rawOne = raw.commitsPerSecond(1, commands, payload, metaData);
        double rawEight = raw.commitsPerSecond(8, commands, payload, metaData);
        System.out.printf(Locale.ROOT, "    raw: %.0f commits/s with 1 connection, %.0f with 8%n", rawOne, rawEight);
        f.against("append: commands/s through HTTP, 1 client", one.perSecond(), "/s", rawOne, 0.5);
        f.against("append: commands/s through HTTP, 8 clients", eight.perSecond(), "/s", rawEight, 0.5);
    }

    private static void step(String what) {
        System.out.printf(Locale.ROOT, "%n== %s (load %s)%n", what, Machine.loadAverage());
    }
}
