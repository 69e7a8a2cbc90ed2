package org.opcat.followup.query.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.opcat.followup.query.EventKind;
import org.opcat.followup.query.status.RecommendationStatus;

/**
 * One recommendation as known at the report's {@code knownAt}: its issued facts and its later
 * events in recording order, all dated on or before {@code asOf}.
 *
 * <p>The state on a date is the status/ fold over the events dated on or before it, applied in
 * recording order, exactly as the live read models fold them; with {@code asOf} = today and
 * {@code knownAt} = now the report therefore agrees with the dashboard. A back-dated entry counts
 * from its business date on, once it is known.
 */
final class RecommendationTimeline {

    private final IssuedRecommendation issued;
    private final List<RecordedFact> facts = new ArrayList<>();

    RecommendationTimeline(IssuedRecommendation issued) {
        this.issued = issued;
    }

    IssuedRecommendation issued() {
        return issued;
    }

    /** The events, in recording order. */
    List<RecordedFact> facts() {
        return java.util.Collections.unmodifiableList(facts);
    }

    void add(RecordedFact fact) {
        facts.add(fact);
    }

    RecommendationStatus statusOn(LocalDate date) {
        RecommendationStatus state = RecommendationStatus.issued();
        for (RecordedFact fact : facts) {
            if (!fact.businessDate().isAfter(date)) {
                state = fact.applyTo(state);
            }
        }
        return state;
    }

    /**
     * The response that gave {@code status} its authority position: of the responses received on
     * the latest date, the last recorded (the fold's own tie rule).
     */
    Optional<RecordedFact> latestResponse(RecommendationStatus status) {
        RecordedFact latest = null;
        for (RecordedFact fact : facts) {
            if (fact.kind() == EventKind.RESPONSE_RECORDED && fact.businessDate().equals(status.latestResponseOn())) {
                latest = fact;
            }
        }
        return Optional.ofNullable(latest);
    }

    boolean hasInYear(ReportPeriod period, EventKind kind) {
        return facts.stream().anyMatch(f -> f.kind() == kind && period.inYear(f.businessDate()));
    }

    long countInYear(ReportPeriod period, EventKind kind) {
        return facts.stream().filter(f -> f.kind() == kind && period.inYear(f.businessDate())).count();
    }

    /** The first response of one addressee dated on or before asOf, if any. */
    Optional<LocalDate> firstResponseOf(java.util.UUID authorityId) {
        return facts.stream().filter(f -> f.kind() == EventKind.RESPONSE_RECORDED && authorityId.equals(f.authorityId()))
                .map(RecordedFact::businessDate).min(Comparator.naturalOrder());
    }
}
