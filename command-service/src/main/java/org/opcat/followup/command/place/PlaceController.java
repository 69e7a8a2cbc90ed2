package org.opcat.followup.command.place;

import static org.opcat.followup.command.TextLimits.NAME;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.opcat.followup.command.place.PlaceOfDetentionCommands.RegisterPlaceOfDetention;
import org.opcat.followup.events.place.PlaceType;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PlaceController {

    record RegisterPlaceRequest(UUID placeId, @NotBlank @Size(max = NAME) String name, @NotNull PlaceType type,
            @NotBlank @Size(max = NAME) String region, @NotNull UUID authorityId) {
    }

    private final CommandGateway commands;

    PlaceController(CommandGateway commands) {
        this.commands = commands;
    }

    @Operation(operationId = "registerPlace", summary = "Register a place of detention",
            description = "ADMIN. Adds a place of detention to the register; an optional client-chosen placeId "
            + "makes a repeat safe.")
    @PostMapping("/api/places")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, UUID> register(@Valid @RequestBody RegisterPlaceRequest body) {
        UUID id = body.placeId() != null ? body.placeId() : UUID.randomUUID();
        UUID registered = commands.sendAndWait(new RegisterPlaceOfDetention(id, body.name(), body.type(), body.region(),
                body.authorityId()));
        return Map.of("placeId", registered);
    }
}
