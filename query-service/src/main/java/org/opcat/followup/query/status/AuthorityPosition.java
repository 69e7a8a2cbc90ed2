package org.opcat.followup.query.status;

import org.opcat.followup.events.recommendation.Position;

/** The authorities' latest stated position, or {@link #NONE} while nobody has answered. */
public enum AuthorityPosition {
    NONE,
    ACCEPTED,
    PARTIALLY_ACCEPTED,
    REJECTED,
    UNDER_CONSIDERATION;

    public static AuthorityPosition of(Position position) {
        return position == null ? NONE : valueOf(position.name());
    }
}
