package org.opcat.followup.bench;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Whole requests for the annual report (compile from the dated read model, render, transfer) at
 * the generated register's size, as an administrator (internal audience). Formerly the separate
 * bench/annual-report project, which filled the report tables with a synthetic history and timed
 * the compile in-process; here the tables are those the projector built from the generated
 * events, and the service answers over HTTP. A rendering that exceeds its limit is reported as
 * such (and the run goes on): the pdf of tens of thousands of listed recommendations takes minutes.
 */
final class AnnualReportTimes {

    /** {@code failure}: null, or why no time could be taken (timed out, or the service answered an error). */
    record Result(String format, double medianSeconds, long bytes, String failure) {
    }

    private final Api api;
    private final int year;

    AnnualReportTimes(Api api, int year) {
        this.api = api;
        this.year = year;
    }

    Result time(String format, String lang, int runs, Duration limit) {
        List<Double> seconds = new ArrayList<>();
        long bytes = 0;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            try {
                bytes = api.getOk(String.format(Locale.ROOT, "/api/reports/annual/%d?format=%s&lang=%s", year, format, lang),
                        limit).length;
            } catch (UncheckedIOException timeout) {
                return new Result(format, limit.toSeconds(), 0, "timed out after " + limit.toSeconds() + " s");
            } catch (IllegalStateException error) {
                // e.g. 500 after an OutOfMemoryError in a 256 MB heap: a figure in itself, so the run goes on.
                java.util.regex.Matcher status = java.util.regex.Pattern.compile("→ (\\d{3})").matcher(error.getMessage());
                return new Result(format, (System.nanoTime() - start) / 1e9, 0, String.format(Locale.ROOT,
                        "failed: HTTP %s after %.0f s", status.find() ? status.group(1) : "?", (System.nanoTime() - start) / 1e9));
            }
            seconds.add((System.nanoTime() - start) / 1e9);
        }
        Collections.sort(seconds);
        return new Result(format, seconds.get(seconds.size() / 2), bytes, null);
    }
}
