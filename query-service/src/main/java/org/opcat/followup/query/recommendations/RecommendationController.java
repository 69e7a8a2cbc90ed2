package org.opcat.followup.query.recommendations;

import io.swagger.v3.oas.annotations.Operation;
import org.opcat.followup.api.ProblemCode;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.opcat.followup.events.recommendation.ImplementationStatus;
import org.opcat.followup.events.recommendation.Priority;
import org.opcat.followup.query.Today;
import org.opcat.followup.query.freshness.ReadYourWrites;
import org.opcat.followup.query.http.BadQuery;
import org.opcat.followup.query.http.Page;
import org.opcat.followup.query.http.PageRequest;
import org.opcat.followup.query.http.UnknownResource;
import org.opcat.followup.query.status.Stage;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /api/recommendations (filtered, paged, sorted list) and GET /api/recommendations/{id}.
 * Read-your-writes: {@code minVersion} on the detail waits for that recommendation; on the list it
 * needs {@code recommendationId} to say whose version is meant.
 */
@RestController
@RequestMapping("/api/recommendations")
public class RecommendationController {

    private final RecommendationQueries queries;
    private final RecommendationDetails details;
    private final ReadYourWrites readYourWrites;
    private final Today today;

    public RecommendationController(RecommendationQueries queries, RecommendationDetails details,
            ReadYourWrites readYourWrites, Today today) {
        this.queries = queries;
        this.details = details;
        this.readYourWrites = readYourWrites;
        this.today = today;
    }

    @Operation(operationId = "listRecommendations", summary = "List recommendations",
            description = "ANALYST, MANAGER or ADMIN. Filtered, paged and sorted (sort=field,asc|desc, repeatable); "
            + "confidential ones only for these roles. minVersion with recommendationId waits until the "
            + "read models have that version of that recommendation (at most FOLLOWUP_MAX_WAIT, then "
            + "504 read-model-behind). See docs/query-api.md.")
    @GetMapping
    public Page<RecommendationSummary> list(
            RecommendationFilter filter,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageRequest.DEFAULT_SIZE) int size,
            @RequestParam(required = false) UUID recommendationId,
            @RequestParam(required = false) Long minVersion,
            HttpServletRequest request) {
        PageRequest pageRequest = new PageRequest(page, size);
        // Raw values: Spring would split "issuedOn,desc" into two list elements.
        String orderBy = RecommendationSort.orderBy(request.getParameterValues("sort"));
        readYourWrites.awaitIfAsked(recommendationId, minVersion);
        return queries.list(filter, pageRequest, orderBy, today.date());
    }

    @Operation(summary = "One recommendation",
            description = "ANALYST, MANAGER or ADMIN. Its current state, responses, action plans, follow-up visits, "
            + "assessments and closing. minVersion waits until the read models have that version (at "
            + "most FOLLOWUP_MAX_WAIT, then 504 read-model-behind).")
    @GetMapping("/{id}")
    public RecommendationDetail detail(@PathVariable UUID id, @RequestParam(required = false) Long minVersion) {
        readYourWrites.awaitIfAsked(id, minVersion);
        return details.find(id, today.date()).orElseThrow(() -> new UnknownResource(ProblemCode.UNKNOWN_RECOMMENDATION, id));
    }
}
