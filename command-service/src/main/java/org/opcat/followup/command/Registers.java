package org.opcat.followup.command;

import java.util.UUID;

/** What is on record, for commands that name other aggregates (addressees, places, successors). */
public interface Registers {

    boolean hasAuthority(UUID authorityId);

    boolean hasPlace(UUID placeId);

    boolean hasRecommendation(UUID recommendationId);
}
