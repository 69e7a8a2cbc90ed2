package org.opcat.followup.command.importing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opcat.followup.api.ProblemCode;
import org.opcat.followup.command.recommendation.RecommendationCommands.FileActionPlan;
import org.opcat.followup.command.recommendation.RecommendationRequests.ActionPlanRequest;
import org.opcat.followup.command.recommendation.RecommendationRequests.MeasureRequest;
import org.opcat.followup.command.recommendation.ReferenceKey;
import org.opcat.followup.events.recommendation.Measure;
import org.opcat.followup.spreadsheet.Names;
import org.opcat.followup.spreadsheet.SheetRow;

/** Plans the action plans sheet: one plan per (reference, plan key), its rows its measures. */
final class ActionPlanSheet {

    private static final Map<String, String> PLAN_COLUMNS = Map.of("authorityId", "authority",
            "actionPlanId", "planKey", "recommendationId", "reference", "measures", "measure",
            "description", "measure", "If-Match", "reference");

    private ActionPlanSheet() {
    }

    /** One plan per (reference, plan key); its rows are its measures, in sheet order. */
    static void plan(List<SheetRow> rows, Planning planning) {
        Map<String, List<SheetRow>> plans = new LinkedHashMap<>();
        for (SheetRow row : rows) {
            String reference = row.value("reference");
            String planKey = row.value("planKey");
            plans.computeIfAbsent((reference == null ? "" : ReferenceKey.of(reference)) + '\u001f'
                    + (planKey == null ? "" : Names.key(planKey)), k -> new ArrayList<>()).add(row);
        }
        plans.values().forEach(plan -> actionPlan(plan, planning));
    }

    private static void actionPlan(List<SheetRow> rows, Planning planning) {
        RowReading first = new RowReading(rows.get(0), planning.problems);
        Optional<UUID> recommendation = planning.recommendationOf(first);
        String authorityName = first.text("authority");
        UUID authorityId = authorityName == null ? null : planning.authority(first, "authority", authorityName).orElse(null);
        LocalDate filedOn = first.date("filedOn");
        if (first.text("planKey") == null) {
            first.problem("planKey", "must not be blank: rows with the same reference and planKey are one plan",
                    ProblemCode.PLAN_KEY_REQUIRED, Map.of());
        }
        boolean clean = first.clean();
        List<MeasureRequest> measures = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            RowReading r = i == 0 ? first : new RowReading(rows.get(i), planning.problems);
            if (i > 0) {
                // The plan's own cells repeat on every measure row; a different value is a typing error.
                sameAsFirst(r, first, "authority");
                sameAsFirst(r, first, "filedOn");
            }
            measures.add(new MeasureRequest(r.text("measure"), r.text("responsibleUnit"), r.date("targetDate")));
            clean &= r.clean();
        }
        ActionPlanRequest request = new ActionPlanRequest(null, authorityId, filedOn, measures);
        clean &= planning.validate(first, request, PLAN_COLUMNS, rows);
        if (!clean || recommendation.isEmpty()) {
            return;
        }
        UUID id = recommendation.get();
        UUID planId = planId(id, first.text("planKey"));
        List<Measure> domain = measures.stream().map(m -> new Measure(m.description(), m.responsibleUnit(),
                m.targetDate())).toList();
        planning.entry(first, new FileActionPlan(id, planId, authorityId, filedOn, domain, null),
                rows.stream().map(SheetRow::row).toList(), PLAN_COLUMNS);
    }

    /**
     * An exported workbook writes each plan's own id as its key: taking it as the id makes a
     * re-imported export recognize the plan. Any other key names a plan of this recommendation.
     */
    private static UUID planId(UUID recommendationId, String planKey) {
        try {
            if (planKey.length() == 36) {
                return UUID.fromString(planKey);
            }
        } catch (IllegalArgumentException e) {
            // not an id: a key like P1 or 计划一
        }
        return ImportIds.entry("action-plan", recommendationId, Names.key(planKey));
    }

    private static void sameAsFirst(RowReading r, RowReading first, String column) {
        String value = r.text(column);
        if (value != null && !Names.key(value).equals(Names.key(String.valueOf(first.text(column))))) {
            r.problem(column, "rows of one action plan (same reference and planKey) must have the same "
                    + column + " (" + first.text(column) + " on row " + first.row().row() + ")", ProblemCode.PLAN_ROWS_DIFFER,
                    Planning.args("column", column, "value", first.text(column), "row", first.row().row()));
        }
    }
}
