package org.opcat.followup.query.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import java.util.UUID;
import org.opcat.followup.query.Today;
import org.opcat.followup.query.freshness.ReadYourWrites;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /api/dashboard; {@code recommendationId} + {@code minVersion} wait for a write. The wait
 * stays outside the query's repeatable-read transaction, whose snapshot would never show it.
 */
@RestController
public class DashboardController {

    private final DashboardQueries queries;
    private final ReadYourWrites readYourWrites;
    private final Today today;

    public DashboardController(DashboardQueries queries, ReadYourWrites readYourWrites, Today today) {
        this.queries = queries;
        this.readYourWrites = readYourWrites;
        this.today = today;
    }

    @Operation(summary = "Dashboard figures",
            description = "ANALYST, MANAGER or ADMIN. Recommendations counted by stage, implementation status, "
            + "authority and age. minVersion with recommendationId waits until the read models have "
            + "that version of that recommendation (at most FOLLOWUP_MAX_WAIT, then 504 "
            + "read-model-behind).")
    @GetMapping("/api/dashboard")
    public Dashboard dashboard(@RequestParam(required = false) UUID recommendationId,
            @RequestParam(required = false) Long minVersion) {
        readYourWrites.awaitIfAsked(recommendationId, minVersion);
        return queries.dashboard(today.date());
    }
}
