package org.opcat.followup.query.report;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opcat.followup.query.report.AnnualReport.AuthorityFigures;
import org.opcat.followup.query.status.RecommendationStatus;
import org.opcat.followup.query.status.Stage;

/** Running figures of one addressee over the recommendations of a report. */
final class AuthorityTally {
    private final UUID authorityId;
    private long addressed;
    private long responded;
    private long open;
    private long implemented;
    private final List<Long> daysToFirstResponse = new ArrayList<>();

    AuthorityTally(UUID authorityId) {
        this.authorityId = authorityId;
    }

    void count(RecommendationTimeline timeline, RecommendationStatus atAsOf) {
        addressed++;
        timeline.firstResponseOf(authorityId).ifPresent(first -> {
            responded++;
            daysToFirstResponse.add(ChronoUnit.DAYS.between(timeline.issued().issuedOn(), first));
        });
        if (atAsOf.open()) {
            open++;
        }
        if (atAsOf.stage() == Stage.IMPLEMENTED) {
            implemented++;
        }
    }

    /** @param names the authorities' names by id; one missing from it is named by its id */
    AuthorityFigures figures(Map<UUID, String> names) {
        return new AuthorityFigures(authorityId, names.getOrDefault(authorityId, authorityId.toString()), addressed,
                responded, open, implemented, median(daysToFirstResponse));
    }

    /** The middle value, or the mean of the two middle ones (as PostgreSQL's percentile_cont(0.5)). */
    private static Double median(List<Long> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }
}
