package org.opcat.followup.command.importing;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opcat.followup.command.recommendation.RecommendationCommands.RecordFollowUpVisit;
import org.opcat.followup.command.recommendation.RecommendationRequests.FollowUpVisitRequest;
import org.opcat.followup.events.recommendation.ImplementationStatus;
import org.opcat.followup.spreadsheet.SheetRow;

/** Plans the follow-up visits sheet: a visit per row; a visit names a place on record, it never creates one. */
final class FollowUpVisitSheet {

    private static final Map<String, String> VISIT_COLUMNS = Map.of("placeId", "place", "followUpId", "reference",
            "recommendationId", "reference", "If-Match", "reference");

    private FollowUpVisitSheet() {
    }

    static void plan(SheetRow row, Planning planning) {
        RowReading r = new RowReading(row, planning.problems);
        Optional<UUID> recommendation = planning.recommendationOf(r);
        LocalDate visitedOn = r.date("visitedOn");
        ImplementationStatus status = r.choice("assessedStatus", ImplementationStatus.class);
        UUID placeId = null;
        if (r.text("place") != null) {
            placeId = planning.place(r, "place", r.text("place"), null).orElse(null);
        }
        FollowUpVisitRequest request = new FollowUpVisitRequest(null, visitedOn, placeId, r.text("findings"), status);
        boolean valid = planning.validate(r, request, VISIT_COLUMNS);
        if (!r.clean() || !valid || recommendation.isEmpty()) {
            return;
        }
        UUID id = recommendation.get();
        UUID followUpId = ImportIds.entry("follow-up-visit", id, visitedOn, placeId, request.findings(), status);
        planning.entry(r, new RecordFollowUpVisit(id, followUpId, visitedOn, placeId, request.findings(), status, null),
                List.of(row.row()), VISIT_COLUMNS);
    }
}
