package org.opcat.followup.command.importing;

import java.util.List;
import java.util.Map;
import org.opcat.followup.spreadsheet.CellProblem;

/**
 * One command the import sends, and where it came from, so that a refusal by the aggregate is
 * reported at the sheet, row and column that caused it.
 *
 * @param rows the spreadsheet rows (an action plan has one per measure; registrations none)
 * @param columnOfField the command field a refusal names, mapped to the sheet's column key
 */
record PlannedCommand(Object command, String sheet, List<Integer> rows, Map<String, String> columnOfField) {

    CellProblem problem(String field, String message) {
        return problem(field, message, null, Map.of());
    }

    /** With the problem's code and arguments, for a client to word it in its reader's language. */
    CellProblem problem(String field, String message, String code, Map<String, Object> args) {
        Integer row = rows.isEmpty() ? null : rows.get(0);
        String column = null;
        if (field != null) {
            String name = field;
            // measures[2].targetDate: the third measure's row, column targetDate.
            if (field.startsWith("measures[") && field.indexOf(']') > 0) {
                int index = Integer.parseInt(field.substring("measures[".length(), field.indexOf(']')));
                if (index < rows.size()) {
                    row = rows.get(index);
                }
                name = field.indexOf('.') > 0 ? field.substring(field.indexOf('.') + 1) : "measures";
            }
            column = columnOfField.getOrDefault(name, name);
        }
        return new CellProblem(sheet, row, column, message, code, args);
    }
}
