package org.opcat.followup.command;

import java.util.Optional;
import java.util.UUID;

/** What is on record, for commands that name other aggregates (addressees, places, successors). */
public interface Registers {

    /** The aggregate type ({@code Recommendation}, {@code Authority}, {@code PlaceOfDetention}) an id names, if any. */
    Optional<String> typeOf(UUID id);

    default boolean hasAuthority(UUID authorityId) {
        return typeOf(authorityId).filter("Authority"::equals).isPresent();
    }

    default boolean hasPlace(UUID placeId) {
        return typeOf(placeId).filter("PlaceOfDetention"::equals).isPresent();
    }

    default boolean hasRecommendation(UUID recommendationId) {
        return typeOf(recommendationId).filter("Recommendation"::equals).isPresent();
    }
}
