package org.opcat.followup.events.recommendation;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An addressee filed a plan of concrete measures (seed paragraph 34). */
public record ActionPlanFiled(
        UUID recommendationId,
        UUID actionPlanId,
        UUID authorityId,
        LocalDate filedOn,
        List<Measure> measures) {

    public ActionPlanFiled {
        measures = List.copyOf(measures);
    }
}
