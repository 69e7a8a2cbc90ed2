package org.opcat.followup.command.importing;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opcat.followup.spreadsheet.CellProblem;

/**
 * The JSON answers of /api/imports (docs/spreadsheet-layout.md), each a record whose components are
 * the members in the order they are written; a member left out when it does not apply is
 * {@code @JsonInclude(NON_NULL)}, every other one is written even when null.
 */
final class ImportAnswers {

    private ImportAnswers() {
    }

    /** The report of an import that passed: stored, or (dry run) would be stored. */
    record Report(UUID importId, boolean dryRun, ImportProgress.State state, Map<String, Integer> rows, int commands,
            @JsonInclude(JsonInclude.Include.NON_NULL) Long newEvents,
            @JsonInclude(JsonInclude.Include.NON_NULL) Names wouldCreate,
            @JsonInclude(JsonInclude.Include.NON_NULL) Names created,
            Status status) {
    }

    /** GET /api/imports/{importId}; {@code outcome} (the answer the import gave) once it is over. */
    record Status(UUID importId, String fileName, boolean dryRun, String recordedBy, ImportProgress.State state,
            int rowsDone, int rowsTotal, double rowsPerSecond, Instant startedAt, Instant finishedAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) Object outcome) {
    }

    /** Authorities and places by name: those an import creates, or those the registers lack. */
    record Names(List<String> authorities, List<String> places) {
    }

    /**
     * One problem of a file; {@code field} is the column again, as every other problem answer of this
     * API has one. {@code code} and {@code args} only when the problem has a code.
     */
    record CellError(String sheet, Integer row, String column, String field, String message,
            @JsonInclude(JsonInclude.Include.NON_NULL) String code,
            @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> args) {

        static CellError of(CellProblem p) {
            return new CellError(p.sheet(), p.row(), p.column(), p.column(), p.message(), p.code(),
                    p.code() == null ? null : p.args());
        }
    }
}
