package org.opcat.followup.spreadsheet;

import java.util.Map;

/**
 * What is wrong, and where: the sheet (by its English name), the spreadsheet row (the header is row
 * 1, as a spreadsheet program numbers it), the column (by its English key); row or column is null
 * when the problem is about the whole sheet or row. {@code code} and {@code args}, when known, say
 * what is wrong as the APIs' problem codes do (docs/problems.md), so that a client words it in its
 * reader's language; {@code message} is the English text.
 */
public record CellProblem(String sheet, Integer row, String column, String message, String code, Map<String, Object> args) {

    public CellProblem {
        args = args == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(args));
    }

    /** A problem without a code: only its English text says what is wrong. */
    public CellProblem(String sheet, Integer row, String column, String message) {
        this(sheet, row, column, message, null, Map.of());
    }
}
