package org.opcat.followup.query.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Times the annual report's json generation (read the dated read model, fold, count, serialize)
 * at a given number of recommendations. It fills schema {@code query} of the target database with
 * the query-service migrations and a synthetic history written straight into the report tables
 * (2 to 3 dated facts per recommendation on average, 2021-2025, 50 authorities), then compiles the 2025
 * report several times in a read-only repeatable-read transaction, as the endpoint does, and prints
 * the timings. The projector's own speed is not measured here.
 *
 * <p>Arguments: jdbcUrl user password recommendations [runs [all]]. It drops and recreates schema
 * query. With {@code all}, the html, csv and pdf renderings of the same report are timed as well
 * (3 runs each, after one warm-up).
 */
public final class AnnualReportBench {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int recommendations = Integer.parseInt(args[3]);
        int runs = args.length > 4 ? Integer.parseInt(args[4]) : 7;
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url, args[1], args[2]);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);

        long fillStart = System.nanoTime();
        jdbc.execute("DROP SCHEMA IF EXISTS query CASCADE");
        Flyway.configure().dataSource(dataSource).schemas("query").defaultSchema("query")
                .locations("classpath:db/query").load().migrate();
        fill(jdbc, recommendations);
        jdbc.execute("ANALYZE query.report_recommendation");
        jdbc.execute("ANALYZE query.report_fact");
        long facts = jdbc.queryForObject("SELECT count(*) FROM query.report_fact", Long.class);
        System.out.printf("filled %d recommendations, %d facts in %.1f s%n", recommendations, facts,
                (System.nanoTime() - fillStart) / 1e9);

        // The tables are named without schema, as in the service (hikari schema: query).
        DriverManagerDataSource queryDataSource = new DriverManagerDataSource(url + (url.contains("?") ? "&" : "?")
                + "currentSchema=query", args[1], args[2]);
        AnnualReports reports = new AnnualReports(new ReportFacts(queryDataSource), Clock.systemUTC());
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(queryDataSource));
        tx.setReadOnly(true);
        tx.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        ReportPeriod period = new ReportPeriod(2025, LocalDate.of(2025, 12, 31), Instant.now());

        List<Double> millis = new ArrayList<>();
        List<Double> compileMillis = new ArrayList<>();
        int size = 0;
        AnnualReport last = null;
        for (int i = 0; i < runs + 2; i++) {
            long start = System.nanoTime();
            AnnualReport report = tx.execute(s -> reports.compile(period, Audience.INTERNAL));
            double compiled = (System.nanoTime() - start) / 1e6;
            byte[] body = json.writeValueAsBytes(report);
            double ms = (System.nanoTime() - start) / 1e6;
            if (i >= 2) { // two warm-up runs (JIT, PostgreSQL cache)
                millis.add(ms);
                compileMillis.add(compiled);
            }
            size = body.length;
            last = report;
        }
        Collections.sort(millis);
        Collections.sort(compileMillis);
        System.out.printf("json for 2025 at %d recommendations: median %.0f ms, min %.0f ms, max %.0f ms over %d runs;"
                + " of which compile (SQL + fold) median %.0f ms; %d bytes, %d listed, %d unresolved, open %d%n",
                recommendations, millis.get(millis.size() / 2),
                millis.get(0), millis.get(millis.size() - 1), millis.size(), compileMillis.get(compileMillis.size() / 2),
                size, last.recommendations().size(),
                last.unresolvedFromPreviousReports().size(), last.summary().openAtAsOf());

        if (args.length > 5 && args[5].equals("all")) {
            ReportFont font = new ReportFont();
            HtmlReport html = new HtmlReport(new ReportCharts(font));
            CsvReport csv = new CsvReport();
            PdfReport pdf = new PdfReport(html, font);
            for (ReportLanguage language : ReportLanguage.values()) {
                ReportLabels labels = new ReportLabels(language);
                time("html " + language.tag(), 3, () -> html.render(reports(tx, reports, period), labels).length());
                time("csv " + language.tag(), 3, () -> csv.render(reports(tx, reports, period), labels).length);
                time("pdf " + language.tag(), 3, () -> pdf.render(reports(tx, reports, period), labels).length);
            }
        }
    }

    private static AnnualReport reports(TransactionTemplate tx, AnnualReports reports, ReportPeriod period) {
        return tx.execute(s -> reports.compile(period, Audience.INTERNAL));
    }

    /** Times a whole request (compile and render), one warm-up then {@code runs} runs. */
    private static void time(String what, int runs, java.util.function.IntSupplier render) {
        List<Double> millis = new ArrayList<>();
        int size = 0;
        for (int i = 0; i <= runs; i++) {
            long start = System.nanoTime();
            size = render.getAsInt();
            if (i > 0) {
                millis.add((System.nanoTime() - start) / 1e6);
            }
        }
        Collections.sort(millis);
        System.out.printf("%s: median %.0f ms (min %.0f ms), %d bytes%n", what, millis.get(millis.size() / 2),
                millis.get(0), size);
    }

    /** Synthetic history, deterministic: every quantity derives from the recommendation number. */
    private static void fill(JdbcTemplate jdbc, int n) {
        jdbc.update("""
                INSERT INTO query.authority (authority_id, name, kind)
                SELECT md5('authority' || a)::uuid, 'Authority ' || a || ' 当局', 'MINISTRY'
                FROM generate_series(1, 50) a
                """);
        jdbc.update("""
                INSERT INTO query.report_recommendation (recommendation_id, reference, title, text, issued_on,
                    recorded_at, priority, confidential, addressee_ids)
                SELECT md5('r' || i)::uuid, 'B/' || i, '建议标题 recommendation ' || i,
                    repeat('建议内容 text of the recommendation. ', 8), DATE '2021-01-01' + (i * 7919 % 1826),
                    (DATE '2021-01-01' + (i * 7919 % 1826) + 1)::timestamptz, 'HIGH', i % 20 = 0,
                    ARRAY[md5('authority' || (i % 50 + 1))::uuid, md5('authority' || ((i * 7) % 50 + 1))::uuid]
                FROM generate_series(1, ?) i
                """, n);
        // Per recommendation: a response after 20-120 days (90%), an action plan (60%), a follow-up
        // visit (70%), a desk assessment (40%), then implemented (30%) or withdrawn (3%), and a
        // reopening for a tenth of the implemented ones. Dates past today are dropped.
        jdbc.update("""
                INSERT INTO query.report_fact (recommendation_id, sequence_number, recorded_at, business_date, kind,
                    authority_id, position, channel, status, reason, text, document_reference)
                SELECT r.recommendation_id, f.seq, (r.issued_on + f.days + f.seq % 3)::timestamptz,
                    r.issued_on + f.days, f.kind, r.addressee_ids[1], f.position, f.channel, f.status, f.reason,
                    f.text, NULL
                FROM (SELECT recommendation_id, issued_on, addressee_ids,
                          ('x' || substr(recommendation_id::text, 1, 7))::bit(28)::int AS h
                      FROM query.report_recommendation) r
                CROSS JOIN LATERAL (VALUES
                    (1, 20 + r.h % 100, 'RESPONSE_RECORDED', 'ACCEPTED', 'WRITTEN', NULL, NULL, '答复 response text', r.h % 10 < 9),
                    (2, 140 + r.h % 60, 'ACTION_PLAN_FILED', NULL, NULL, NULL, NULL, '措施 measure', r.h % 10 < 6),
                    (3, 220 + r.h % 90, 'FOLLOW_UP_VISIT', NULL, NULL, 'IN_PROGRESS', NULL, '查访结果 findings', (r.h / 10) % 10 < 7),
                    (4, 330 + r.h % 60, 'ASSESSED', NULL, NULL, 'PARTIALLY_IMPLEMENTED', NULL, 'basis', (r.h / 100) % 10 < 4),
                    (5, 420 + r.h % 200, 'IMPLEMENTED', NULL, NULL, NULL, NULL, 'evidence', (r.h / 1000) % 10 < 3),
                    (5, 420 + r.h % 200, 'WITHDRAWN', NULL, NULL, NULL, 'NO_LONGER_APPLICABLE', NULL, (r.h / 1000) % 100 = 55),
                    (6, 700 + r.h % 100, 'REOPENED', NULL, NULL, NULL, NULL, 'relapse', (r.h / 1000) % 10 < 3 AND r.h % 10 = 0)
                ) AS f(seq, days, kind, position, channel, status, reason, text, present)
                WHERE f.present AND r.issued_on + f.days <= DATE '2025-12-31'
                """);
    }
}
