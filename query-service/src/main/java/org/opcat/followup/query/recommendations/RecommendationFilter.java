package org.opcat.followup.query.recommendations;

import org.opcat.followup.api.ProblemCode;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.opcat.followup.events.recommendation.ImplementationStatus;
import org.opcat.followup.events.recommendation.Priority;
import org.opcat.followup.query.http.BadQuery;
import org.opcat.followup.query.status.Stage;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The list filters of SPEC §4, all optional and combined with AND. Repeated values of one filter
 * ({@code stage=A&stage=B}) are alternatives. Bound from the query string by name, once for every
 * endpoint that lists (the list, the export); a value of the wrong type answers 400 naming it.
 */
public record RecommendationFilter(
        List<Stage> stage,
        Boolean open,
        List<ImplementationStatus> implementationStatus,
        UUID authorityId,
        UUID placeId,
        String theme,
        List<Priority> priority,
        Boolean responseOverdue,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate issuedFrom,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate issuedTo,
        String q) {

    /** Longer free text is no search an analyst types, and costs a scan per word. */
    public static final int MAX_Q_LENGTH = 200;

    public RecommendationFilter {
        if (q != null && q.length() > MAX_Q_LENGTH) {
            throw new BadQuery("q", ProblemCode.TOO_LONG, "max", MAX_Q_LENGTH);
        }
    }

    public static RecommendationFilter none() {
        return new RecommendationFilter(null, null, null, null, null, null, null, null, null, null, null);
    }
}
