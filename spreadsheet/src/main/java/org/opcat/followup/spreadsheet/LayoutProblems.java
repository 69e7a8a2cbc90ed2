package org.opcat.followup.spreadsheet;

import java.util.List;

/** The file cannot be read as the layout at all (empty, unknown header, missing column, not CSV or XLSX). */
public class LayoutProblems extends RuntimeException {

    private final transient List<CellProblem> problems;

    public LayoutProblems(List<CellProblem> problems) {
        super(problems.isEmpty() ? "the file does not follow the layout" : problems.get(0).message()
                + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
        this.problems = List.copyOf(problems);
    }

    public static LayoutProblems of(String sheet, String column, String message) {
        return new LayoutProblems(List.of(new CellProblem(sheet, null, column, message)));
    }

    public List<CellProblem> problems() {
        return problems;
    }
}
