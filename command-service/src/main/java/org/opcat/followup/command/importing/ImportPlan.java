package org.opcat.followup.command.importing;

import java.util.List;
import java.util.Map;
import org.opcat.followup.spreadsheet.CellProblem;

/**
 * What a file asks for: the commands in the order they are sent (registrations first, then each
 * recommendation followed by its responses, plans and visits), the problems found before any
 * command runs, the authorities and places that are missing from the registers and the import
 * registers ({@code missing*}, with createMissing), and those it does not register ({@code
 * unregistered*}: problems of their rows, listed for an administrator to add).
 */
record ImportPlan(List<PlannedCommand> commands, List<CellProblem> problems, List<String> missingAuthorities,
        List<String> missingPlaces, List<String> unregisteredAuthorities, List<String> unregisteredPlaces,
        Map<String, Integer> rowsBySheet) {

    int rows() {
        return rowsBySheet.values().stream().mapToInt(Integer::intValue).sum();
    }
}
