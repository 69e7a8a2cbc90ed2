package org.opcat.followup.command.importing;

import jakarta.validation.Validator;
import java.util.List;
import java.util.Map;
import org.opcat.followup.command.recommendation.RequestRules;
import org.opcat.followup.spreadsheet.Sheet;
import org.opcat.followup.spreadsheet.SheetRow;
import org.springframework.stereotype.Component;

/**
 * Turns the rows of a file into the commands of the command API. Each row is checked by the very
 * request records the REST API validates (Bean Validation: required fields, text limits, tags);
 * the aggregate's rules are left to the aggregates, which see every command when the plan runs.
 * Names become ids here: authorities and places by normalized name, recommendations by reference.
 */
@Component
class ImportPlanner {

    /** A place created by an import has only a name: the rest says so, to be completed by an administrator. */
    static final String REGION_NOT_STATED = "not stated / 未注明";

    private final Validator validator;
    private final RequestRules rules;
    private final NamedRegisters registers;

    ImportPlanner(Validator validator, RequestRules rules, NamedRegisters registers) {
        this.validator = validator;
        this.rules = rules;
        this.registers = registers;
    }

    /** Sheet by sheet in the layout's order: a later sheet's rows refer to the recommendations planned before. */
    ImportPlan plan(Map<Sheet, List<SheetRow>> sheets, boolean createMissing) {
        Planning planning = new Planning(registers.snapshot(), createMissing, validator, rules);
        sheets.getOrDefault(Sheet.RECOMMENDATIONS, List.of()).forEach(row -> RecommendationSheet.plan(row, planning));
        sheets.getOrDefault(Sheet.RESPONSES, List.of()).forEach(row -> ResponseSheet.plan(row, planning));
        ActionPlanSheet.plan(sheets.getOrDefault(Sheet.ACTION_PLANS, List.of()), planning);
        sheets.getOrDefault(Sheet.FOLLOW_UP_VISITS, List.of()).forEach(row -> FollowUpVisitSheet.plan(row, planning));
        return planning.plan(sheets);
    }
}
