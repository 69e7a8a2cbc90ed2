package org.opcat.followup.query.dashboard;

import java.time.LocalDate;
import java.util.List;

/**
 * Management's view (SPEC §4): how many recommendations, and how many of them open, by stage,
 * implementation status, addressee authority, theme, place type and priority; open ones by age.
 * A recommendation with two addressees or three themes counts once under each.
 */
public record Dashboard(
        LocalDate asOf,
        long total,
        long open,
        List<Count> byStage,
        List<Count> byImplementationStatus,
        List<Count> byAuthority,
        List<Count> byTheme,
        List<Count> byPlaceType,
        List<Count> byPriority,
        List<AgeBucket> openByAge) {

    /** {@code name} is set for authorities only. Place type NO_PLACE: systemic, no place. */
    public record Count(String key, String name, long total, long open) {
    }

    /** Days since issue, inclusive bounds: 0-90, 91-180, 181-365, over 365. */
    public record AgeBucket(String bucket, long count) {
    }
}
