package org.opcat.followup.command;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** The registers as a fixture states them; the JDBC version is covered by the API tests. */
public class KnownRecords implements Registers {

    public final Set<UUID> authorities = new HashSet<>();
    public final Set<UUID> places = new HashSet<>();
    public final Set<UUID> recommendations = new HashSet<>();

    @Override
    public boolean hasAuthority(UUID authorityId) {
        return authorities.contains(authorityId);
    }

    @Override
    public boolean hasPlace(UUID placeId) {
        return places.contains(placeId);
    }

    @Override
    public boolean hasRecommendation(UUID recommendationId) {
        return recommendations.contains(recommendationId);
    }
}
