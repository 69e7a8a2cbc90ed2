package org.opcat.followup.spreadsheet;

/**
 * What is wrong, and where: the sheet (by its English name), the spreadsheet row (the header is row
 * 1, as a spreadsheet program numbers it), the column (by its English key); row or column is null
 * when the problem is about the whole sheet or row.
 */
public record CellProblem(String sheet, Integer row, String column, String message) {
}
