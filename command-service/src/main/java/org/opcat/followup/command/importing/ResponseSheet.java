package org.opcat.followup.command.importing;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opcat.followup.command.recommendation.RecommendationCommands.RecordAuthorityResponse;
import org.opcat.followup.command.recommendation.RecommendationRequests.ResponseRequest;
import org.opcat.followup.events.recommendation.Channel;
import org.opcat.followup.events.recommendation.Position;
import org.opcat.followup.spreadsheet.SheetRow;

/** Plans the responses sheet: a response per row, to a recommendation of the file or on record. */
final class ResponseSheet {

    private static final Map<String, String> RESPONSE_COLUMNS = Map.of("authorityId", "authority",
            "responseId", "reference", "recommendationId", "reference", "If-Match", "reference");

    private ResponseSheet() {
    }

    static void plan(SheetRow row, Planning planning) {
        RowReading r = new RowReading(row, planning.problems);
        Optional<UUID> recommendation = planning.recommendationOf(r);
        UUID authorityId = r.text("authority") == null ? null : planning.authority(r, "authority", r.text("authority")).orElse(null);
        LocalDate receivedOn = r.date("receivedOn");
        Channel channel = r.choice("channel", Channel.class);
        Position position = r.choice("position", Position.class);
        ResponseRequest request = new ResponseRequest(null, authorityId, receivedOn, channel, position, r.text("text"),
                r.text("documentReference"));
        boolean valid = planning.validate(r, request, RESPONSE_COLUMNS);
        if (!r.clean() || !valid || recommendation.isEmpty()) {
            return;
        }
        UUID id = recommendation.get();
        UUID responseId = ImportIds.entry("response", id, authorityId, receivedOn, channel, position,
                request.text(), request.documentReference());
        planning.entry(r, new RecordAuthorityResponse(id, responseId, authorityId, receivedOn, channel, position, request.text(),
                request.documentReference(), null), List.of(row.row()), RESPONSE_COLUMNS);
    }
}
