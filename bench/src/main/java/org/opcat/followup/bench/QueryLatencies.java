package org.opcat.followup.bench;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;

/**
 * p50/p99 of the read API at the generated register's size, one client, one request after the
 * other (latency, not throughput), after a warm-up so that JIT and PostgreSQL's cache are as in
 * a service that has run a while. Each request of a kind asks for a different recommendation or
 * authority, so no single row stays hot.
 */
final class QueryLatencies {

    private final Api api;
    private final int recommendations;

    QueryLatencies(Api api, int recommendations) {
        this.api = api;
        this.recommendations = recommendations;
    }

    /** The requests measured, by name; each maps a request number to a path. */
    Map<String, IntFunction<String>> requests() {
        Map<String, IntFunction<String>> r = new LinkedHashMap<>();
        r.put("list: first page, default order", i -> "/api/recommendations?page=" + (i % 5));
        r.put("list: open + priority + theme", i -> "/api/recommendations?open=true&priority=HIGH&theme="
                + EventGenerator.THEMES[i % EventGenerator.THEMES.length]);
        r.put("list: stage + sort by last activity", i -> "/api/recommendations?stage=ACTION_PLAN_FILED&sort=lastActivityOn,desc");
        r.put("list: authority (ministry, all it supervises)", i -> "/api/recommendations?authorityId="
                + EventGenerator.ministry(i % EventGenerator.MINISTRIES));
        r.put("list: authority (administration) + open", i -> "/api/recommendations?open=true&authorityId="
                + EventGenerator.administration(i % EventGenerator.ADMINISTRATIONS));
        r.put("list: responseOverdue", i -> "/api/recommendations?responseOverdue=false&issuedFrom=2023-01-01&issuedTo=2023-12-31");
        r.put("list: q (words)", i -> "/api/recommendations?q=" + (i % 2 == 0 ? "prosecutor%20" + (i * 37 % recommendations)
                : "%E5%8C%BB%E7%96%97%20" + (i * 37 % recommendations)));
        r.put("detail", i -> "/api/recommendations/" + EventGenerator.recommendation(i * 7919 % recommendations));
        r.put("history", i -> "/api/recommendations/" + EventGenerator.recommendation(i * 7919 % recommendations) + "/history");
        r.put("dashboard", i -> "/api/dashboard");
        r.put("authority dialogue", i -> "/api/authorities/" + EventGenerator.administration(i % EventGenerator.ADMINISTRATIONS)
                + "/dialogue");
        return r;
    }

    Histogram measure(IntFunction<String> path, int warmUp, int requests) {
        Histogram micros = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
        for (int i = 0; i < warmUp + requests; i++) {
            String p = path.apply(i);
            long start = System.nanoTime();
            HttpResponse<byte[]> answer = api.get(p, Duration.ofSeconds(60));
            long took = System.nanoTime() - start;
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("GET " + p + " → " + answer.statusCode());
            }
            if (i >= warmUp) {
                micros.recordValue(TimeUnit.NANOSECONDS.toMicros(took));
            }
        }
        return micros;
    }

}
