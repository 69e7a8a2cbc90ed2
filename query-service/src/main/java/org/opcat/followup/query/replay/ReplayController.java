package org.opcat.followup.query.replay;

import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.security.Principal;
import org.opcat.followup.api.ProblemType;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * POST /api/admin/replay starts a rebuild of all read models (202, or 409 while one runs);
 * GET /api/admin/replay/status tells how far it got.
 */
@RestController
@RequestMapping("/api/admin/replay")
public class ReplayController {

    private static final URI STATUS = URI.create("/api/admin/replay/status");

    private final ReadModelReplay replay;

    public ReplayController(ReadModelReplay replay) {
        this.replay = replay;
    }

    @Operation(operationId = "startReplay", summary = "Rebuild every read model",
            description = "ADMIN. Starts a replay of the whole event store into the read models (202, Location of "
            + "its status); 409 replay-running while one runs.")
    @PostMapping
    public ResponseEntity<ReplayStatus> start(Principal principal) {
        String requestedBy = principal == null ? "admin endpoint" : principal.getName();
        return ResponseEntity.accepted().location(STATUS).body(replay.start(requestedBy));
    }

    @Operation(operationId = "replayStatus", summary = "Progress of the replay",
            description = "ADMIN. Events done of total, events per second and the estimated time left.")
    @GetMapping("/status")
    public ReplayStatus status() {
        return replay.status();
    }

    @ExceptionHandler(ReplayAlreadyRunning.class)
    public ResponseEntity<ProblemDetail> alreadyRunning(ReplayAlreadyRunning e) {
        ProblemDetail problem = ProblemType.problem(HttpStatus.CONFLICT, "replay-running", "Replay in progress", e.getMessage());
        problem.setProperty("status", e.status());
        return ResponseEntity.status(HttpStatus.CONFLICT).location(STATUS).body(problem);
    }
}
