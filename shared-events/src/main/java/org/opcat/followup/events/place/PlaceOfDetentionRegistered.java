package org.opcat.followup.events.place;

import java.util.UUID;

/** A place where people are or may be deprived of liberty, operated by {@code authorityId}. */
public record PlaceOfDetentionRegistered(UUID placeId, String name, PlaceType type, String region, UUID authorityId) {
}
