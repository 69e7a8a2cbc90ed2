package org.opcat.followup.command.importing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How far one import has come, for GET /api/imports/{importId} and the log: rows done of total in
 * the current phase (a real run first validates every row, then stores them), and the rate.
 */
final class ImportProgress {

    enum State { READING, VALIDATING, STORING, VALID, IMPORTED, REFUSED, INTERRUPTED }

    private static final Logger log = LoggerFactory.getLogger(ImportProgress.class);
    /** Log a line at most this often, so 10,000 rows do not flood the log. */
    private static final Duration LOG_EVERY = Duration.ofSeconds(5);

    private final UUID importId;
    private final String fileName;
    private final boolean dryRun;
    private final String recordedBy;
    private final Clock clock = Clock.systemUTC();
    private final Instant startedAt;
    private final AtomicInteger rowsDone = new AtomicInteger();
    private volatile State state = State.READING;
    private volatile int rowsTotal;
    private volatile Instant phaseStartedAt;
    private volatile Instant finishedAt;
    private volatile Instant loggedAt;
    private volatile Object outcome;

    ImportProgress(UUID importId, String fileName, boolean dryRun, String recordedBy) {
        this.importId = importId;
        this.fileName = fileName;
        this.dryRun = dryRun;
        this.recordedBy = recordedBy;
        this.startedAt = clock.instant();
        this.phaseStartedAt = startedAt;
        this.loggedAt = startedAt;
    }

    UUID importId() {
        return importId;
    }

    State state() {
        return state;
    }

    void phase(State phase, int rows) {
        state = phase;
        rowsTotal = rows;
        rowsDone.set(0);
        phaseStartedAt = clock.instant();
        log.info("import {} ({}): {} {} rows", importId, fileName, phase.name().toLowerCase(java.util.Locale.ROOT), rows);
    }

    void advance(int rows) {
        int done = rowsDone.addAndGet(rows);
        Instant now = clock.instant();
        if (Duration.between(loggedAt, now).compareTo(LOG_EVERY) >= 0) {
            loggedAt = now;
            log.info("import {}: {} {}/{} rows, {} rows/s", importId, state.name().toLowerCase(java.util.Locale.ROOT),
                    done, rowsTotal, Math.round(rate()));
        }
    }

    void finish(State end, Object report) {
        finishWith(end, status -> report);
    }

    /** @param report the outcome, from the import's status at its end (without an outcome) */
    <T> T finishWith(State end, Function<ImportAnswers.Status, T> report) {
        finishedAt = clock.instant();
        T answer = report.apply(view(end, null));
        outcome = answer;
        state = end;
        log.info("import {} ({}): {} after {} ms", importId, fileName, end, Duration.between(startedAt, finishedAt).toMillis());
        return answer;
    }

    double rate() {
        double seconds = Duration.between(phaseStartedAt, finishedAt != null ? finishedAt : clock.instant()).toMillis() / 1000.0;
        return seconds <= 0 ? 0 : rowsDone.get() / seconds;
    }

    ImportAnswers.Status view() {
        return view(state, outcome);
    }

    private ImportAnswers.Status view(State at, Object outcomeSoFar) {
        return new ImportAnswers.Status(importId, fileName, dryRun, recordedBy, at, rowsDone.get(), rowsTotal,
                Math.round(rate() * 10) / 10.0, startedAt, finishedAt, outcomeSoFar);
    }
}
