package org.opcat.followup.query.report;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.opcat.followup.events.recommendation.ImplementationStatus;
import org.opcat.followup.query.EventKind;
import org.opcat.followup.query.report.AnnualReport.Addressee;
import org.opcat.followup.query.report.AnnualReport.AuthorityFigures;
import org.opcat.followup.query.report.AnnualReport.HistoryEvent;
import org.opcat.followup.query.report.AnnualReport.RecommendationHistory;
import org.opcat.followup.query.report.AnnualReport.Response;
import org.opcat.followup.query.report.AnnualReport.Summary;
import org.opcat.followup.query.report.AnnualReport.Unresolved;
import org.opcat.followup.query.report.ReportFacts.FactTexts;
import org.opcat.followup.query.report.ReportFacts.Texts;
import org.opcat.followup.query.report.ReportFacts.YearFact;
import org.opcat.followup.query.status.RecommendationStatus;
import org.opcat.followup.query.status.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Computes an {@link AnnualReport}: streams the dated read model for the period, folds each
 * recommendation with the status/ rules at the dates that matter, counts, and forgets it (keeping a
 * few fields of the listed ones); the texts and events of the listed recommendations are read a
 * slice at a time while the report is written. This is the only place where report figures are
 * made.
 *
 * <p>Decisions on edge cases (also in docs/annual-report.md):
 * <ul>
 * <li>A recommendation is in {@code recommendations[]} if issued in the year, or issued earlier and
 * open at some moment of the year: open at the end of 31 December of the year before, or reopened
 * during the year. One closed before the year and never reopened in it is not listed.</li>
 * <li>{@code byImplementationStatus} and {@code byAuthority} count the recommendations issued on or
 * before asOf and not withdrawn at asOf; {@code openAtAsOf} counts all open ones (withdrawn ones are
 * never open).</li>
 * <li>A recommendation implemented (or withdrawn) twice in the year, after a reopening, counts once
 * in {@code implementedInYear} ({@code withdrawnInYear}); one implemented in the year and reopened
 * later still counts there: the summary reports what happened in the year, the state figures what
 * holds at asOf.</li>
 * <li>Authorities are named as registered; an addressee not (yet) in the register shows its id.</li>
 * </ul>
 */
@Service
public class AnnualReports {

    /** Recommendations whose texts and events are read per round trip while a list is written. */
    static final int CHUNK = 500;

    private static final Logger log = LoggerFactory.getLogger(AnnualReports.class);

    private final ReportFacts facts;
    private final Clock clock;
    private final TransactionTemplate snapshot;
    private final int chunk;

    public AnnualReports(ReportFacts facts, Clock clock, PlatformTransactionManager transactions,
            @Value("${followup.report.chunk:" + CHUNK + "}") int chunk) {
        this.facts = facts;
        this.clock = clock;
        this.chunk = chunk;
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /**
     * Computes the report and hands it to {@code use}, all in one read-only repeatable-read
     * transaction (one snapshot). The figures are computed first, in one streaming pass that keeps
     * nothing per recommendation but for the listed ones (a few fields); the two lists are read a
     * slice at a time while {@code use} iterates them, so {@code use} must render (or copy) them
     * before it returns.
     */
    public <T> T compile(ReportPeriod period, Audience audience, Function<AnnualReport, T> use) {
        return snapshot.execute(status -> {
            long start = System.nanoTime();
            AnnualReport report = compileInTransaction(period, audience);
            long figures = System.nanoTime();
            T result = use.apply(report);
            if (log.isInfoEnabled()) {
                log.info("annual report {} asOf {} knownAt {} {}: {} recommendations counted in {} ms; {} unresolved"
                        + " and {} listed read in {} ms and {} ms; {} ms in all", period.year(), period.asOf(),
                        period.knownAt(), audience, report.summary() == null ? 0 : counted(report),
                        (figures - start) / 1_000_000, report.unresolvedFromPreviousReports().size(),
                        report.recommendations().size(), loadMillis(report.unresolvedFromPreviousReports()),
                        loadMillis(report.recommendations()), (System.nanoTime() - start) / 1_000_000);
            }
            return result;
        });
    }

    private static long counted(AnnualReport report) {
        return report.byImplementationStatus().values().stream().mapToLong(Long::longValue).sum();
    }

    private static long loadMillis(List<?> list) {
        return list instanceof ChunkedList<?, ?> chunked ? chunked.loadMillis() : 0;
    }

    private AnnualReport compileInTransaction(ReportPeriod period, Audience audience) {
        Map<UUID, String> names = facts.authorityNames();
        Tally tally = new Tally(period);
        facts.scan(period, tally::count);

        Comparator<Listed> order = Comparator.comparing((Listed l) -> l.issued().issuedOn())
                .thenComparing(l -> l.issued().reference());
        tally.unresolved.sort(order);
        tally.listed.sort(order);

        List<AuthorityFigures> authorityFigures = tally.byAuthority.values().stream()
                .map(t -> t.figures(names))
                .sorted(Comparator.comparing(AuthorityFigures::name).thenComparing(AuthorityFigures::authorityId))
                .toList();
        return new AnnualReport(period.year(), period.asOf(), period.knownAt(), clock.instant(), audience,
                new Summary(tally.issuedInYear, tally.implementedInYear, tally.withdrawnInYear, tally.responses,
                        tally.plans, tally.visits, tally.openAtAsOf),
                tally.byStatus, authorityFigures,
                new ChunkedList<>(tally.unresolved, chunk, slice -> unresolved(slice, audience, names)),
                new ChunkedList<>(tally.listed, chunk, slice -> histories(slice, period, audience, names)));
    }

    /**
     * The figures, counted one recommendation at a time, and the few fields kept of the listed ones.
     * Package-private: the in-memory test oracle folds its timelines with it too.
     */
    static final class Tally {
        private final ReportPeriod period;
        long issuedInYear, implementedInYear, withdrawnInYear, responses, plans, visits, openAtAsOf;
        final Map<ImplementationStatus, Long> byStatus = new LinkedHashMap<>();
        final Map<UUID, AuthorityTally> byAuthority = new LinkedHashMap<>();
        final List<Listed> unresolved = new ArrayList<>();
        final List<Listed> listed = new ArrayList<>();

        Tally(ReportPeriod period) {
            this.period = period;
            for (ImplementationStatus status : ImplementationStatus.values()) {
                byStatus.put(status, 0L);
            }
        }

        void count(RecommendationTimeline timeline) {
            IssuedRecommendation issued = timeline.issued();
            RecommendationStatus atAsOf = timeline.statusOn(period.asOf());
            boolean issuedThisYear = period.inYear(issued.issuedOn());
            if (issuedThisYear) {
                issuedInYear++;
            }
            if (timeline.hasInYear(period, EventKind.IMPLEMENTED)) {
                implementedInYear++;
            }
            if (timeline.hasInYear(period, EventKind.WITHDRAWN)) {
                withdrawnInYear++;
            }
            responses += timeline.countInYear(period, EventKind.RESPONSE_RECORDED);
            plans += timeline.countInYear(period, EventKind.ACTION_PLAN_FILED);
            visits += timeline.countInYear(period, EventKind.FOLLOW_UP_VISIT_RECORDED);
            if (atAsOf.open()) {
                openAtAsOf++;
            }
            if (atAsOf.stage() != Stage.WITHDRAWN) {
                byStatus.merge(atAsOf.implementationStatus(), 1L, Long::sum);
                for (UUID authorityId : issued.addresseeIds()) {
                    byAuthority.computeIfAbsent(authorityId, AuthorityTally::new).count(timeline, atAsOf);
                }
            }
            boolean fromEarlier = period.beforeYear(issued.issuedOn());
            boolean isUnresolved = fromEarlier && atAsOf.open();
            boolean openDuringYear = fromEarlier
                    && (timeline.statusOn(period.firstDay().minusDays(1)).open()
                            || timeline.hasInYear(period, EventKind.REOPENED));
            if (isUnresolved || issuedThisYear || openDuringYear) {
                Listed l = new Listed(issued, atAsOf,
                        isUnresolved ? timeline.latestResponse(atAsOf).orElse(null) : null);
                if (isUnresolved) {
                    unresolved.add(l);
                }
                if (issuedThisYear || openDuringYear) {
                    listed.add(l);
                }
            }
        }
    }

    /** What is kept of a listed recommendation until its slice is written. */
    record Listed(IssuedRecommendation issued, RecommendationStatus atAsOf, RecordedFact latestResponse) {
        boolean withheld(Audience audience) {
            return audience == Audience.PUBLIC && issued.confidential();
        }
    }

    private static List<UUID> shown(List<Listed> slice, Audience audience) {
        return slice.stream().filter(l -> !l.withheld(audience)).map(l -> l.issued().recommendationId()).toList();
    }

    /** One slice of unresolvedFromPreviousReports[]; texts are never loaded for withheld recommendations. */
    private List<Unresolved> unresolved(List<Listed> slice, Audience audience, Map<UUID, String> names) {
        List<UUID> shown = shown(slice, audience);
        Map<UUID, Texts> texts = facts.texts(shown, false); // the list shows titles only
        Map<RecordedFact, FactTexts> responseTexts = facts.factTexts(slice.stream()
                .filter(l -> !l.withheld(audience) && l.latestResponse() != null)
                .map(Listed::latestResponse).toList());
        List<Unresolved> made = new ArrayList<>(slice.size());
        for (Listed l : slice) {
            IssuedRecommendation issued = l.issued();
            RecommendationStatus s = l.atAsOf();
            if (l.withheld(audience)) {
                made.add(Unresolved.withheld(issued.issuedOn(), s.stage(), s.implementationStatus()));
                continue;
            }
            RecordedFact f = l.latestResponse();
            Response latest = null;
            if (f != null) {
                FactTexts text = responseTexts.getOrDefault(f, FactTexts.NONE);
                latest = new Response(f.authorityId(), names.get(f.authorityId()), f.businessDate(), f.channel(),
                        f.position(), text.text(), text.documentReference());
            }
            made.add(new Unresolved(issued.recommendationId(), issued.reference(),
                    texts.getOrDefault(issued.recommendationId(), Texts.NONE).title(), issued.confidential(),
                    false, issued.issuedOn(), s.stage(), s.implementationStatus(), s.authorityPosition(), latest));
        }
        return made;
    }

    /** One slice of recommendations[] with their events of the year. */
    private List<RecommendationHistory> histories(List<Listed> slice, ReportPeriod period, Audience audience,
            Map<UUID, String> names) {
        List<UUID> shown = shown(slice, audience);
        Map<UUID, Texts> texts = facts.texts(shown);
        Map<UUID, List<YearFact>> yearFacts = facts.yearFacts(period, shown, true);
        yearFacts.putAll(facts.yearFacts(period, slice.stream().filter(l -> l.withheld(audience))
                .map(l -> l.issued().recommendationId()).toList(), false));
        List<RecommendationHistory> made = new ArrayList<>(slice.size());
        for (Listed l : slice) {
            made.add(history(l, period, audience, texts,
                    yearFacts.getOrDefault(l.issued().recommendationId(), List.of()), names));
        }
        return made;
    }

    private static RecommendationHistory history(Listed l, ReportPeriod period, Audience audience,
            Map<UUID, Texts> texts, List<YearFact> inYear, Map<UUID, String> names) {
        IssuedRecommendation issued = l.issued();
        RecommendationStatus s = l.atAsOf();
        boolean withheld = l.withheld(audience);
        List<Addressee> addressees = issued.addresseeIds().stream()
                .map(id -> new Addressee(id, names.get(id))).toList();
        List<HistoryEvent> events = new ArrayList<>();
        if (period.inYear(issued.issuedOn())) {
            events.add(HistoryEvent.issued(issued.issuedOn()));
        }
        for (YearFact y : inYear) {
            RecordedFact f = y.fact();
            if (withheld) {
                // Responses are among the details a public report leaves out; of the other events
                // only the date and kind remain.
                if (f.kind() != EventKind.RESPONSE_RECORDED) {
                    events.add(HistoryEvent.withheld(f.businessDate(), f.kind(), f.status(), f.reason()));
                }
                continue;
            }
            events.add(new HistoryEvent(f.businessDate(), f.kind(), f.authorityId(),
                    f.authorityId() == null ? null : names.get(f.authorityId()), f.position(), f.channel(),
                    f.status(), f.reason(), y.text(), y.documentReference()));
        }
        boolean unresolved = period.beforeYear(issued.issuedOn()) && s.open();
        if (withheld) {
            return RecommendationHistory.withheld(issued.issuedOn(), issued.priority(), addressees, s.stage(),
                    s.open(), s.implementationStatus(), unresolved, events);
        }
        Texts text = texts.getOrDefault(issued.recommendationId(), Texts.NONE);
        return new RecommendationHistory(issued.recommendationId(), issued.reference(), text.title(), text.text(),
                issued.confidential(), false, issued.issuedOn(), issued.priority(), addressees, s.stage(), s.open(),
                s.implementationStatus(), s.authorityPosition(), unresolved, events);
    }
}
