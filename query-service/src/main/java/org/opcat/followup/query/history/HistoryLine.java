package org.opcat.followup.query.history;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.opcat.followup.events.recommendation.ActionPlanFiled;
import org.opcat.followup.events.recommendation.AuthorityResponseRecorded;
import org.opcat.followup.events.recommendation.DocumentAttached;
import org.opcat.followup.events.recommendation.DocumentPurged;
import org.opcat.followup.events.recommendation.FollowUpVisitRecorded;
import org.opcat.followup.events.recommendation.ImplementationAssessed;
import org.opcat.followup.events.recommendation.RecommendationImplemented;
import org.opcat.followup.events.recommendation.RecommendationIssued;
import org.opcat.followup.events.recommendation.RecommendationReiterated;
import org.opcat.followup.events.recommendation.RecommendationReopened;
import org.opcat.followup.events.recommendation.RecommendationWithdrawn;
import org.opcat.followup.query.EventKind;

/**
 * One event as a line of a recommendation's history: its type, the business date the analyst
 * stated, a short English summary, and the same facts as {@code details} (codes, dates, counts and
 * the texts the analyst typed; absent values left out) for a reader that writes the line in its
 * own language. Both are built only from the event itself (so a replay writes the same line
 * whatever else has been registered since).
 */
public record HistoryLine(String eventType, LocalDate businessDate, String summary, Map<String, Object> details) {

    public HistoryLine(String eventType, LocalDate businessDate, String summary) {
        this(eventType, businessDate, summary, Map.of());
    }

    private HistoryLine(EventKind kind, LocalDate businessDate, String summary, Map<String, Object> details) {
        this(kind.name(), businessDate, summary, details);
    }

    public static HistoryLine of(Object event) {
        if (event instanceof RecommendationIssued e) {
            return new HistoryLine(EventKind.ISSUED, e.issuedOn(), "Issued " + e.reference() + " (" + e.priority()
                    + ", " + e.scope() + ") to " + e.addresseeAuthorityIds().size() + " authorit"
                    + (e.addresseeAuthorityIds().size() == 1 ? "y" : "ies")
                    + (e.responseDueOn() == null ? "" : ", response due " + e.responseDueOn()),
                    details("reference", e.reference(), "priority", e.priority(), "scope", e.scope(),
                            "addressees", e.addresseeAuthorityIds().size(), "responseDueOn", e.responseDueOn()));
        }
        if (event instanceof AuthorityResponseRecorded e) {
            return new HistoryLine(EventKind.RESPONSE_RECORDED, e.receivedOn(),
                    e.channel() + " response: " + e.position(),
                    details("authorityId", e.authorityId(), "channel", e.channel(), "position", e.position(),
                            "text", e.text(), "documentReference", e.documentReference()));
        }
        if (event instanceof ActionPlanFiled e) {
            return new HistoryLine(EventKind.ACTION_PLAN_FILED, e.filedOn(), "Action plan with " + e.measures().size()
                    + " measure" + (e.measures().size() == 1 ? "" : "s") + ", last target "
                    + e.measures().stream().map(m -> m.targetDate()).max(LocalDate::compareTo)
                            .map(LocalDate::toString).orElse("none"),
                    details("authorityId", e.authorityId(), "measures", e.measures().size(), "lastTargetDate",
                            e.measures().stream().map(m -> m.targetDate()).max(LocalDate::compareTo).orElse(null)));
        }
        if (event instanceof FollowUpVisitRecorded e) {
            return new HistoryLine(EventKind.FOLLOW_UP_VISIT_RECORDED, e.visitedOn(),
                    "Follow-up visit: " + e.assessedStatus(),
                    details("placeId", e.placeId(), "assessedStatus", e.assessedStatus(), "findings", e.findings()));
        }
        if (event instanceof ImplementationAssessed e) {
            return new HistoryLine(EventKind.IMPLEMENTATION_ASSESSED, e.assessedOn(),
                    "Assessed " + e.status() + " on the basis of: " + e.basis(),
                    details("status", e.status(), "basis", e.basis(), "note", e.note()));
        }
        if (event instanceof RecommendationImplemented e) {
            return new HistoryLine(EventKind.IMPLEMENTED, e.implementedOn(), "Implemented", details("evidence", e.evidence()));
        }
        if (event instanceof RecommendationReiterated e) {
            return new HistoryLine(EventKind.REITERATED, e.reiteratedOn(), "Reiterated in " + e.documentReference(),
                    details("documentReference", e.documentReference()));
        }
        if (event instanceof RecommendationWithdrawn e) {
            return new HistoryLine(EventKind.WITHDRAWN, e.withdrawnOn(), "Withdrawn: " + e.reason()
                    + (e.supersededBy() == null ? "" : ", superseded by " + e.supersededBy()),
                    details("reason", e.reason(), "supersededBy", e.supersededBy()));
        }
        if (event instanceof RecommendationReopened e) {
            return new HistoryLine(EventKind.REOPENED, e.reopenedOn(), "Reopened: " + e.reason(), details("reason", e.reason()));
        }
        if (event instanceof DocumentAttached e) {
            // attachedTo names the entry it belongs to (absent: the recommendation itself); no business date.
            return new HistoryLine(EventKind.DOCUMENT_ATTACHED, null, "Document attached: " + e.title() + " (" + e.mediaType() + ")",
                    details("documentId", e.documentId(), "attachedTo", e.attachedTo(), "title", e.title(),
                            "fileName", e.fileName(), "mediaType", e.mediaType(), "size", e.size(), "sha256", e.sha256(),
                            "confidential", e.confidential()));
        }
        if (event instanceof DocumentPurged e) {
            return new HistoryLine(EventKind.DOCUMENT_PURGED, null, "Document purged: " + e.reason(),
                    details("documentId", e.documentId(), "sha256", e.sha256(), "reason", e.reason()));
        }
        // An event type newer than this code: still part of the audit trail.
        return new HistoryLine(event.getClass().getSimpleName(), null, event.getClass().getSimpleName());
    }

    /** Name-value pairs in order, absent values left out, every value as JSON writes it (text or number). */
    private static Map<String, Object> details(Object... pairs) {
        Map<String, Object> details = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            Object value = pairs[i + 1];
            if (value != null) {
                details.put((String) pairs[i], value instanceof Number ? value : value.toString());
            }
        }
        return details;
    }
}
