package org.opcat.followup.query.recommendations;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.opcat.followup.events.recommendation.ImplementationStatus;
import org.opcat.followup.events.recommendation.Priority;
import org.opcat.followup.query.status.Stage;

/**
 * The list filters of SPEC §4, all optional and combined with AND. Repeated values of one filter
 * ({@code stage=A&stage=B}) are alternatives.
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
        LocalDate issuedFrom,
        LocalDate issuedTo,
        String q) {

    public static RecommendationFilter none() {
        return new RecommendationFilter(null, null, null, null, null, null, null, null, null, null, null);
    }
}
