package org.opcat.followup.command.place;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.opcat.followup.events.place.PlaceType;

/** The commands a place of detention accepts, declared apart from the aggregate as every aggregate's are. */
public final class PlaceOfDetentionCommands {

    private PlaceOfDetentionCommands() {
    }

    public record RegisterPlaceOfDetention(@TargetAggregateIdentifier UUID placeId, String name, PlaceType type,
            String region, UUID authorityId) {
    }
}
