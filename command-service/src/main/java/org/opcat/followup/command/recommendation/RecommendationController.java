package org.opcat.followup.command.recommendation;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.opcat.followup.command.http.ExpectedVersion;
import org.opcat.followup.command.recommendation.RecommendationCommands.*;
import org.opcat.followup.command.recommendation.RecommendationRequests.*;
import org.opcat.followup.events.recommendation.Measure;
import org.opcat.followup.events.recommendation.Source;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The command API of a recommendation (SPEC §4). Each answer carries the recommendation's version,
 * also as an {@code ETag}, for the next request's {@code If-Match}.
 */
@RestController
@RequestMapping("/api/recommendations")
class RecommendationController {

    private static final String IF_MATCH = "If-Match";

    private final CommandGateway commands;
    private final RequestRules rules;

    RecommendationController(CommandGateway commands, RequestRules rules) {
        this.commands = commands;
        this.rules = rules;
    }

    /** The rules a request alone can break join Bean Validation's problems: one answer names them all. */
    @InitBinder
    void checkRules(WebDataBinder binder) {
        binder.addValidators(rules);
    }

    @Operation(summary = "Issue a recommendation",
            description = "ANALYST or ADMIN. Records a new recommendation (SPEC §4). The answer carries its id and "
            + "version, also as ETag; an optional client-chosen recommendationId makes a repeat safe "
            + "(the same request again answers as the first time did).")
    @PostMapping
    ResponseEntity<Map<String, Object>> issue(@Valid @RequestBody IssueRequest body) {
        UUID id = orNew(body.recommendationId());
        Recorded recorded = commands.sendAndWait(new IssueRecommendation(id, body.reference(), body.title(), body.text(),
                body.language(), body.issuedOn(), new Source(body.source().kind(), body.source().documentReference()),
                body.placeId(), body.addresseeAuthorityIds(), themes(body.themes()),
                body.scope(), body.priority(), body.standards() == null ? List.of() : body.standards(),
                body.responseDueOn(), body.confidential()));
        return answer(HttpStatus.CREATED, recorded)
                .location(URI.create("/api/recommendations/" + id))
                .body(fields(recorded, null));
    }

    @Operation(summary = "Record an authority's response",
            description = "ANALYST or ADMIN. A response from one of the recommendation's addressees. If-Match "
            + "refuses it with 409 when the recommendation changed meanwhile.")
    @PostMapping("/{id}/responses")
    ResponseEntity<Map<String, Object>> respond(@PathVariable UUID id, @RequestHeader(value = IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody ResponseRequest body) {
        return created(commands.sendAndWait(new RecordAuthorityResponse(id, orNew(body.responseId()), body.authorityId(),
                body.receivedOn(), body.channel(), body.position(), body.text(), body.documentReference(),
                ExpectedVersion.fromIfMatch(ifMatch))), "responseId");
    }

    @Operation(summary = "File an action plan",
            description = "ANALYST or ADMIN. An addressee's plan with at least one measure, none due before the "
            + "plan. If-Match refuses it with 409 when the recommendation changed meanwhile.")
    @PostMapping("/{id}/action-plans")
    ResponseEntity<Map<String, Object>> fileActionPlan(@PathVariable UUID id,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch, @Valid @RequestBody ActionPlanRequest body) {
        List<Measure> measures = body.measures().stream()
                .map(m -> new Measure(m.description(), m.responsibleUnit(), m.targetDate())).toList();
        return created(commands.sendAndWait(new FileActionPlan(id, orNew(body.actionPlanId()), body.authorityId(),
                body.filedOn(), measures, ExpectedVersion.fromIfMatch(ifMatch))), "actionPlanId");
    }

    @Operation(summary = "Record a follow-up visit",
            description = "ANALYST or ADMIN. A visit and its findings, at the recommendation's place unless placeId "
            + "names another. If-Match refuses it with 409 when the recommendation changed meanwhile.")
    @PostMapping("/{id}/follow-up-visits")
    ResponseEntity<Map<String, Object>> recordFollowUpVisit(@PathVariable UUID id,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch, @Valid @RequestBody FollowUpVisitRequest body) {
        return created(commands.sendAndWait(new RecordFollowUpVisit(id, orNew(body.followUpId()), body.visitedOn(),
                body.placeId(), body.findings(), body.assessedStatus(), ExpectedVersion.fromIfMatch(ifMatch))), "followUpId");
    }

    @Operation(summary = "Assess the implementation",
            description = "ANALYST or ADMIN. The mechanism's assessment of how far the recommendation is "
            + "implemented, with its basis. If-Match refuses it with 409 when the recommendation "
            + "changed meanwhile.")
    @PostMapping("/{id}/assessments")
    ResponseEntity<Map<String, Object>> assess(@PathVariable UUID id,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch, @Valid @RequestBody AssessmentRequest body) {
        return created(commands.sendAndWait(new AssessImplementation(id, orNew(body.assessmentId()), body.assessedOn(),
                body.status(), body.basis(), body.note(), ExpectedVersion.fromIfMatch(ifMatch))), "assessmentId");
    }

    @Operation(summary = "Record the implementation",
            description = "ANALYST or ADMIN. Closes the recommendation as implemented, with the evidence; only "
            + "reopening is possible afterwards.")
    @PostMapping("/{id}/implementation")
    ResponseEntity<Map<String, Object>> recordImplementation(@PathVariable UUID id,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch, @Valid @RequestBody ImplementationRequest body) {
        return ok(commands.sendAndWait(new RecordImplementation(id, body.implementedOn(), body.evidence(),
                ExpectedVersion.fromIfMatch(ifMatch))));
    }

    @Operation(summary = "Reiterate the recommendation",
            description = "ANALYST or ADMIN. Records that the recommendation was made again, in a later document.")
    @PostMapping("/{id}/reiterations")
    ResponseEntity<Map<String, Object>> reiterate(@PathVariable UUID id,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch, @Valid @RequestBody ReiterationRequest body) {
        return ok(commands.sendAndWait(new ReiterateRecommendation(id, body.reiteratedOn(), body.documentReference(),
                ExpectedVersion.fromIfMatch(ifMatch))));
    }

    @Operation(summary = "Withdraw the recommendation",
            description = "ANALYST or ADMIN. Closes the recommendation with a reason; a SUPERSEDED withdrawal names "
            + "its successor.")
    @PostMapping("/{id}/withdrawal")
    ResponseEntity<Map<String, Object>> withdraw(@PathVariable UUID id,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch, @Valid @RequestBody WithdrawalRequest body) {
        return ok(commands.sendAndWait(new WithdrawRecommendation(id, body.withdrawnOn(), body.reason(), body.supersededBy(),
                ExpectedVersion.fromIfMatch(ifMatch))));
    }

    @Operation(summary = "Reopen the recommendation",
            description = "ANALYST or ADMIN. Reopens an implemented or withdrawn recommendation, with a reason, not "
            + "dated before its closing.")
    @PostMapping("/{id}/reopening")
    ResponseEntity<Map<String, Object>> reopen(@PathVariable UUID id,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch, @Valid @RequestBody ReopeningRequest body) {
        return ok(commands.sendAndWait(new ReopenRecommendation(id, body.reopenedOn(), body.reason(),
                ExpectedVersion.fromIfMatch(ifMatch))));
    }

    private static ResponseEntity<Map<String, Object>> created(Recorded recorded, String entryIdName) {
        return answer(HttpStatus.CREATED, recorded).body(fields(recorded, entryIdName));
    }

    private static ResponseEntity<Map<String, Object>> ok(Recorded recorded) {
        return answer(HttpStatus.OK, recorded).body(fields(recorded, null));
    }

    private static ResponseEntity.BodyBuilder answer(HttpStatus status, Recorded recorded) {
        return ResponseEntity.status(status).eTag("\"" + recorded.version() + "\"");
    }

    private static Map<String, Object> fields(Recorded recorded, String entryIdName) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("recommendationId", recorded.recommendationId());
        if (entryIdName != null) {
            fields.put(entryIdName, recorded.entryId());
        }
        fields.put("version", recorded.version());
        return fields;
    }

    private static UUID orNew(UUID clientId) {
        return clientId != null ? clientId : UUID.randomUUID();
    }

    /** Themes are lower-case tags; "Health-Care" and "health-care" are one theme. */
    private static List<String> themes(List<String> themes) {
        if (themes == null) {
            return List.of();
        }
        return List.copyOf(new LinkedHashSet<>(themes.stream().map(t -> t.strip().toLowerCase(Locale.ROOT)).toList()));
    }
}
