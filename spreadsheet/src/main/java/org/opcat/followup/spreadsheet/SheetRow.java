package org.opcat.followup.spreadsheet;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One data row as read: the sheet, its spreadsheet row number (header = 1), and its cells by column
 * key. Blank cells read as null; values are stripped of surrounding spaces.
 */
public record SheetRow(Sheet sheet, int row, Map<String, String> cells) {

    public String value(String column) {
        String value = cells.get(column);
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    /** A {@code ;}-separated list cell, blank items dropped. */
    public List<String> list(String column) {
        String value = value(column);
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.split(Sheet.LIST_SEPARATOR)).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
