package org.opcat.followup.query.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opcat.followup.events.recommendation.Channel;
import org.opcat.followup.events.recommendation.ImplementationStatus;
import org.opcat.followup.events.recommendation.Position;
import org.opcat.followup.events.recommendation.Priority;
import org.opcat.followup.events.recommendation.WithdrawalReason;
import org.opcat.followup.query.EventKind;
import org.opcat.followup.query.status.AuthorityPosition;
import org.opcat.followup.query.status.Stage;

/**
 * The implementation part of an annual report (SPEC §4), computed once; the json, html, csv and pdf
 * renderers only lay it out. For {@link Audience#PUBLIC} the details of confidential
 * recommendations are already left out here ({@code withheld}), so no renderer can show them.
 */
public record AnnualReport(
        int year,
        LocalDate asOf,
        Instant knownAt,
        Instant generatedAt,
        Audience audience,
        Summary summary,
        Map<ImplementationStatus, Long> byImplementationStatus,
        List<AuthorityFigures> byAuthority,
        List<Unresolved> unresolvedFromPreviousReports,
        List<RecommendationHistory> recommendations) {

    /**
     * Activity of the year (business dates from 1 January to the end of the period) and the open
     * count at asOf. Recommendations issued, implemented or withdrawn count each recommendation
     * once; responses, action plans and follow-up visits count every one recorded.
     */
    public record Summary(long issuedInYear, long implementedInYear, long withdrawnInYear,
            long responsesReceivedInYear, long actionPlansFiledInYear, long followUpVisitsInYear, long openAtAsOf) {
    }

    /**
     * One addressee, over the recommendations issued on or before asOf and not withdrawn by then
     * (as byImplementationStatus). {@code responded}: this authority answered by asOf;
     * {@code medianDaysToFirstResponse}: from issue to this authority's first answer, over those it
     * answered; null if none.
     */
    public record AuthorityFigures(UUID authorityId, String name, long addressed, long responded, long open,
            long implemented, Double medianDaysToFirstResponse) {
    }

    /** Seed paragraph 47(c): issued before the year and still open at asOf. */
    public record Unresolved(UUID recommendationId, String reference, String title, boolean confidential,
            boolean withheld, LocalDate issuedOn, Stage stage, ImplementationStatus implementationStatus,
            AuthorityPosition authorityPosition, Response latestResponse) {

        /** A confidential recommendation in a public report: counted, its details left out. */
        static Unresolved withheld(LocalDate issuedOn, Stage stage, ImplementationStatus implementationStatus) {
            return new Unresolved(null, null, null, true, true, issuedOn, stage, implementationStatus, null, null);
        }
    }

    public record Response(UUID authorityId, String authorityName, LocalDate receivedOn, Channel channel,
            Position position, String text, String documentReference) {
    }

    /**
     * A recommendation issued in the year or open at some point of it, its state at asOf and its
     * year's events. {@code unresolvedFromPreviousReports}: it is also in that list.
     */
    public record RecommendationHistory(UUID recommendationId, String reference, String title, String text,
            boolean confidential, boolean withheld, LocalDate issuedOn, Priority priority, List<Addressee> addressees,
            Stage stage, boolean open, ImplementationStatus implementationStatus, AuthorityPosition authorityPosition,
            boolean unresolvedFromPreviousReports, List<HistoryEvent> events) {

        /** A confidential recommendation in a public report: its dates, codes and events' kinds only. */
        static RecommendationHistory withheld(LocalDate issuedOn, Priority priority, List<Addressee> addressees,
                Stage stage, boolean open, ImplementationStatus implementationStatus,
                boolean unresolvedFromPreviousReports, List<HistoryEvent> events) {
            return new RecommendationHistory(null, null, null, null, true, true, issuedOn, priority, addressees, stage,
                    open, implementationStatus, null, unresolvedFromPreviousReports, events);
        }
    }

    public record Addressee(UUID authorityId, String name) {
    }

    /** An event of the year; fields that do not apply to its type are null. */
    public record HistoryEvent(LocalDate date, EventKind type, UUID authorityId, String authorityName,
            Position position, Channel channel, ImplementationStatus status, WithdrawalReason reason, String text,
            String documentReference) {

        static HistoryEvent issued(LocalDate issuedOn) {
            return new HistoryEvent(issuedOn, EventKind.ISSUED, null, null, null, null, null, null, null, null);
        }

        /** An event of a withheld recommendation: its date, kind and codes, none of its details. */
        static HistoryEvent withheld(LocalDate date, EventKind type, ImplementationStatus status,
                WithdrawalReason reason) {
            return new HistoryEvent(date, type, null, null, null, null, status, reason, null, null);
        }
    }
}
