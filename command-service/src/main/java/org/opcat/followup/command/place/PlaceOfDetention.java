package org.opcat.followup.command.place;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.opcat.followup.api.ProblemCode;
import org.opcat.followup.command.Registers;
import org.opcat.followup.command.place.PlaceOfDetentionCommands.RegisterPlaceOfDetention;
import org.opcat.followup.command.refusal.Repeats;
import org.opcat.followup.command.refusal.UnknownId;
import org.opcat.followup.events.place.PlaceOfDetentionRegistered;

/** A place where people are deprived of liberty, operated by an authority. */
@Aggregate
public class PlaceOfDetention {

    @AggregateIdentifier
    private UUID placeId;
    private PlaceOfDetentionRegistered registered;

    protected PlaceOfDetention() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public UUID handle(RegisterPlaceOfDetention command, Registers registers) {
        var event = new PlaceOfDetentionRegistered(command.placeId(), command.name().strip(), command.type(),
                command.region().strip(), command.authorityId());
        if (Repeats.isRepeat(registered, event, "placeId", placeId)) {
            return placeId;
        }
        if (!registers.hasAuthority(event.authorityId())) {
            throw new UnknownId("authorityId", ProblemCode.UNKNOWN_AUTHORITY, event.authorityId());
        }
        apply(event);
        return placeId;
    }

    @EventSourcingHandler
    void on(PlaceOfDetentionRegistered event) {
        placeId = event.placeId();
        registered = event;
    }
}
