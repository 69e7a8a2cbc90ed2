package org.opcat.followup.command.authority;

import static org.opcat.followup.command.TextLimits.NAME;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.opcat.followup.command.authority.AuthorityCommands.RegisterAuthority;
import org.opcat.followup.events.authority.AuthorityKind;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AuthorityController {

    record RegisterAuthorityRequest(UUID authorityId, @NotBlank @Size(max = NAME) String name, @NotNull AuthorityKind kind,
            UUID parentAuthorityId) {
    }

    private final CommandGateway commands;

    AuthorityController(CommandGateway commands) {
        this.commands = commands;
    }

    @Operation(operationId = "registerAuthority", summary = "Register an authority",
            description = "ADMIN. Adds an authority to the register; an optional client-chosen authorityId makes a "
            + "repeat safe.")
    @PostMapping("/api/authorities")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, UUID> register(@Valid @RequestBody RegisterAuthorityRequest body) {
        UUID id = body.authorityId() != null ? body.authorityId() : UUID.randomUUID();
        UUID registered = commands.sendAndWait(new RegisterAuthority(id, body.name(), body.kind(), body.parentAuthorityId()));
        return Map.of("authorityId", registered);
    }
}
