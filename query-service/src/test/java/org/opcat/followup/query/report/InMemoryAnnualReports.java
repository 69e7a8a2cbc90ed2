package org.opcat.followup.query.report;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.opcat.followup.events.recommendation.Priority;
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
import org.opcat.followup.query.status.RecommendationStatus;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The annual report computed the way it was before it was streamed (commit a2e3837): every
 * recommendation's timeline loaded into memory, folded, counted, and both lists built whole. Kept
 * as the oracle the streamed {@link AnnualReports} must agree with, to the byte, on generated
 * histories (see {@link AnnualReportStreamingTest}). Not a bean: build it with {@link #InMemoryAnnualReports}.
 */
final class InMemoryAnnualReports {

    private final ReportFacts facts;
    private final NamedParameterJdbcTemplate named;
    private final Clock clock;

    InMemoryAnnualReports(DataSource dataSource, Clock clock) {
        this.facts = new ReportFacts(dataSource);
        this.named = new NamedParameterJdbcTemplate(dataSource);
        this.clock = clock;
    }

    /** Not in one snapshot (not a bean): for tests whose database is quiet. */
    AnnualReport compile(ReportPeriod period, Audience audience) {
        Map<UUID, RecommendationTimeline> timelines = timelines(period);
        Map<UUID, String> names = facts.authorityNames();

        // The same fold as the streamed report (AnnualReports.Tally); what this oracle does its own
        // way is the rest: every timeline in memory, and both lists built whole from them.
        AnnualReports.Tally tally = new AnnualReports.Tally(period);
        timelines.values().forEach(tally::count);
        Comparator<Listed> order = Comparator.comparing((Listed l) -> l.timeline().issued().issuedOn())
                .thenComparing(l -> l.timeline().issued().reference());
        List<Listed> unresolved = tally.unresolved.stream()
                .map(l -> new Listed(timelines.get(l.issued().recommendationId()), l.atAsOf(), period))
                .sorted(order).toList();
        List<Listed> listed = tally.listed.stream()
                .map(l -> new Listed(timelines.get(l.issued().recommendationId()), l.atAsOf(), period))
                .sorted(order).toList();
        Details details = details(period, audience, unresolved, listed);

        List<AuthorityFigures> authorityFigures = tally.byAuthority.values().stream()
                .map(t -> t.figures(names))
                .sorted(Comparator.comparing(AuthorityFigures::name).thenComparing(AuthorityFigures::authorityId))
                .toList();
        return new AnnualReport(period.year(), period.asOf(), period.knownAt(), clock.instant(), audience,
                new Summary(tally.issuedInYear, tally.implementedInYear, tally.withdrawnInYear, tally.responses,
                        tally.plans, tally.visits, tally.openAtAsOf),
                tally.byStatus, authorityFigures,
                unresolved.stream().map(l -> unresolved(l, audience, details, names)).toList(),
                listed.stream().map(l -> history(l, period, audience, details, names)).toList());
    }

    private record Listed(RecommendationTimeline timeline, RecommendationStatus atAsOf, List<RecordedFact> inYear) {
        Listed(RecommendationTimeline timeline, RecommendationStatus atAsOf, ReportPeriod period) {
            this(timeline, atAsOf, InMemoryAnnualReports.inYear(timeline, period));
        }

        boolean withheld(Audience audience) {
            return audience == Audience.PUBLIC && timeline.issued().confidential();
        }
    }

    /** Texts of what the report shows; never loaded for withheld recommendations. */
    private record Details(Map<UUID, Texts> texts, Map<RecordedFact, FactTexts> factTexts) {
        FactTexts of(RecordedFact fact) {
            return factTexts.getOrDefault(fact, FactTexts.NONE);
        }
    }

    private Details details(ReportPeriod period, Audience audience, List<Listed> unresolved, List<Listed> listed) {
        List<UUID> ids = new ArrayList<>();
        List<RecordedFact> shown = new ArrayList<>();
        for (Listed l : listed) {
            if (!l.withheld(audience)) {
                ids.add(l.timeline().issued().recommendationId());
                shown.addAll(l.inYear());
            }
        }
        for (Listed l : unresolved) {
            if (!l.withheld(audience)) {
                ids.add(l.timeline().issued().recommendationId());
                l.timeline().latestResponse(l.atAsOf()).ifPresent(shown::add);
            }
        }
        return new Details(facts.texts(ids), facts.factTexts(shown));
    }

    private static Unresolved unresolved(Listed l, Audience audience, Details details, Map<UUID, String> names) {
        IssuedRecommendation issued = l.timeline().issued();
        RecommendationStatus s = l.atAsOf();
        if (l.withheld(audience)) {
            return new Unresolved(null, null, null, true, true, issued.issuedOn(), s.stage(),
                    s.implementationStatus(), null, null);
        }
        Response latest = l.timeline().latestResponse(s).map(f -> {
            FactTexts text = details.of(f);
            return new Response(f.authorityId(), names.get(f.authorityId()), f.businessDate(), f.channel(),
                    f.position(), text.text(), text.documentReference());
        }).orElse(null);
        return new Unresolved(issued.recommendationId(), issued.reference(),
                details.texts().getOrDefault(issued.recommendationId(), Texts.NONE).title(), issued.confidential(),
                false, issued.issuedOn(), s.stage(), s.implementationStatus(), s.authorityPosition(), latest);
    }

    private static RecommendationHistory history(Listed l, ReportPeriod period, Audience audience, Details details,
            Map<UUID, String> names) {
        IssuedRecommendation issued = l.timeline().issued();
        RecommendationStatus s = l.atAsOf();
        boolean withheld = l.withheld(audience);
        List<Addressee> addressees = issued.addresseeIds().stream()
                .map(id -> new Addressee(id, names.get(id))).toList();
        List<HistoryEvent> events = new ArrayList<>();
        if (period.inYear(issued.issuedOn())) {
            events.add(new HistoryEvent(issued.issuedOn(), EventKind.ISSUED, null, null, null, null, null, null,
                    null, null));
        }
        for (RecordedFact f : l.inYear()) {
            if (withheld) {
                // Responses are among the details a public report leaves out; of the other events
                // only the date and kind remain.
                if (f.kind() != EventKind.RESPONSE_RECORDED) {
                    events.add(new HistoryEvent(f.businessDate(), f.kind(), null, null, null, null, f.status(),
                            f.reason(), null, null));
                }
                continue;
            }
            FactTexts text = details.of(f);
            events.add(new HistoryEvent(f.businessDate(), f.kind(), f.authorityId(),
                    f.authorityId() == null ? null : names.get(f.authorityId()), f.position(), f.channel(),
                    f.status(), f.reason(), text.text(), text.documentReference()));
        }
        boolean unresolved = period.beforeYear(issued.issuedOn()) && s.open();
        if (withheld) {
            return new RecommendationHistory(null, null, null, null, true, true, issued.issuedOn(),
                    issued.priority(), addressees, s.stage(), s.open(), s.implementationStatus(), null, unresolved,
                    events);
        }
        Texts texts = details.texts().getOrDefault(issued.recommendationId(), Texts.NONE);
        return new RecommendationHistory(issued.recommendationId(), issued.reference(), texts.title(), texts.text(),
                issued.confidential(), false, issued.issuedOn(), issued.priority(), addressees, s.stage(), s.open(),
                s.implementationStatus(), s.authorityPosition(), unresolved, events);
    }

    /** Every recommendation issued on or before asOf and known at knownAt, with its known events up to asOf. */
    Map<UUID, RecommendationTimeline> timelines(ReportPeriod period) {
        MapSqlParameterSource p = new MapSqlParameterSource("asOf", period.asOf())
                .addValue("knownAt", Timestamp.from(period.knownAt()));
        Map<UUID, RecommendationTimeline> timelines = new LinkedHashMap<>();
        named.query("""
                SELECT recommendation_id, reference, issued_on, priority, confidential, addressee_ids
                FROM report_recommendation WHERE recorded_at <= :knownAt AND issued_on <= :asOf
                """, p, rs -> {
                    UUID id = rs.getObject("recommendation_id", UUID.class);
                    timelines.put(id, new RecommendationTimeline(new IssuedRecommendation(id, rs.getString("reference"),
                            rs.getObject("issued_on", LocalDate.class), Priority.valueOf(rs.getString("priority")),
                            rs.getBoolean("confidential"), ReportFacts.uuids(rs.getArray("addressee_ids")))));
                });
        named.query("""
                SELECT recommendation_id, sequence_number, business_date, kind, authority_id, position, channel,
                    status, reason
                FROM report_fact WHERE recorded_at <= :knownAt AND business_date <= :asOf
                ORDER BY recommendation_id, sequence_number
                """, p, rs -> {
                    RecommendationTimeline timeline = timelines.get(rs.getObject("recommendation_id", UUID.class));
                    if (timeline != null) {
                        timeline.add(ReportFacts.fact(rs));
                    }
                });
        return timelines;
    }


    /** Events dated in the report's year, by date, ties in recording order. */
    private static List<RecordedFact> inYear(RecommendationTimeline timeline, ReportPeriod period) {
        return timeline.facts().stream().filter(f -> period.inYear(f.businessDate()))
                .sorted(Comparator.comparing(RecordedFact::businessDate)
                        .thenComparingLong(RecordedFact::sequenceNumber))
                .toList();
    }

}
