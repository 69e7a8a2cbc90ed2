package org.opcat.followup.query.processing;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /api/admin/failed-events: the events the read models could not take (FAILED) and those
 * parked behind them (PARKED), with the error, for whoever has to fix them. Under /api/admin
 * because error messages may quote event content; health shows counts only.
 */
@RestController
public class FailedEventsController {

    private static final int MAX_LIMIT = 1000;

    private final FailedEvents failedEvents;

    public FailedEventsController(FailedEvents failedEvents) {
        this.failedEvents = failedEvents;
    }

    @Operation(operationId = "listFailedEvents", summary = "Events the read models could not take",
            description = "ADMIN. Each failed event with its error, and the events of its aggregate parked behind "
            + "it; a replay retries them.")
    @GetMapping("/api/admin/failed-events")
    public List<FailedEvents.Row> list(@RequestParam(defaultValue = "100") int limit) {
        return failedEvents.list(Math.max(1, Math.min(limit, MAX_LIMIT)));
    }
}
