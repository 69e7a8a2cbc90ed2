package org.opcat.followup.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Memory of a running service: heap in use right after a full GC (jcmd GC.run, then GC.heap_info:
 * what the service really keeps, not what the collector has not yet reclaimed) and the process's
 * resident set (VmRSS: heap + metaspace + code cache + thread stacks + direct buffers).
 */
final class Footprint {

    record Result(double heapAfterGcMb, double heapCommittedMb, double rssMb) {
    }

    private Footprint() {
    }

    static Result of(long pid) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        String heap = jcmd(pid, "GC.heap_info");
        Matcher m = Pattern.compile("total (\\d+)K, used (\\d+)K").matcher(heap);
        if (!m.find()) {
            throw new IllegalStateException("unexpected GC.heap_info: " + heap);
        }
        double rssKb = 0;
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                rssKb = Double.parseDouble(line.replaceAll("\\D", ""));
            }
        }
        return new Result(Long.parseLong(m.group(2)) / 1024.0, Long.parseLong(m.group(1)) / 1024.0, rssKb / 1024.0);
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        Process p = new ProcessBuilder(jcmd, Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        return out;
    }
}
