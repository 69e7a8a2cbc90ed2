package org.opcat.followup.command;

import java.util.Optional;
import java.util.UUID;
import org.opcat.followup.events.AggregateTypes;

/** What is on record, for commands that name other aggregates (addressees, places, successors). */
public interface Registers {

    /** The aggregate type (one of {@link AggregateTypes}) an id names, if any. */
    Optional<String> typeOf(UUID id);

    default boolean hasAuthority(UUID authorityId) {
        return typeOf(authorityId).filter(AggregateTypes.AUTHORITY::equals).isPresent();
    }

    default boolean hasPlace(UUID placeId) {
        return typeOf(placeId).filter(AggregateTypes.PLACE_OF_DETENTION::equals).isPresent();
    }

    default boolean hasRecommendation(UUID recommendationId) {
        return typeOf(recommendationId).filter(AggregateTypes.RECOMMENDATION::equals).isPresent();
    }
}
