package org.opcat.followup.command.importing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.opcat.followup.api.ProblemCode;
import org.opcat.followup.command.refusal.CommandRefused;
import org.opcat.followup.spreadsheet.CellProblem;
import org.opcat.followup.spreadsheet.Sheet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a plan's commands: the aggregates judge every row by the same rules as for the REST API,
 * and nothing else does.
 *
 * <p>Validation: every command runs through the aggregates' own handlers against states rebuilt in
 * memory from the stored events plus the rows before it ({@link InMemoryAggregates}), so the
 * commands see each other (a response sees the recommendation issued three rows above it) and
 * nothing is stored, not even a number of the global index. A dry run ends there.
 *
 * <p>Storing (only when validation found nothing): the same commands again, committed in chunks.
 * Not one transaction for the whole file: a transaction open for a minute holds event-store
 * global index values that a query-side tracking processor sees as gaps, and Axon gives up on a
 * gap after 60 s, so events committed later than that would never be projected. Chunks commit in
 * well under a second. If storing is interrupted (a concurrent change between validation and
 * storing), the chunks before stay stored, and running the same file again completes it: the ids
 * are derived from the rows, so what is already stored is recognized and not repeated.
 */
@Component
class ImportRun {

    private final CommandGateway commands;
    private final InMemoryAggregates aggregates;
    private final TransactionTemplate transactions;
    private final int chunk;

    ImportRun(CommandGateway commands, InMemoryAggregates aggregates, PlatformTransactionManager transactionManager,
            @Value("${followup.import.chunk-size:200}") int chunk) {
        this.commands = commands;
        this.aggregates = aggregates;
        this.transactions = new TransactionTemplate(transactionManager);
        this.chunk = chunk;
    }

    /**
     * What came of a run: the problems (none when valid or stored), if interrupted how far storing
     * got, and how many events the file adds (-1 when not counted: a real run after a dry run).
     */
    record Outcome(List<CellProblem> problems, boolean interrupted, int commandsStored, long newEvents) {
    }

    /** Thrown out of a validation or a transaction to end it early, after something other than a rule refused a row. */
    private static final class Interrupted extends RuntimeException {
        private final transient CellProblem problem;

        Interrupted(CellProblem problem) {
            super(problem.message(), null, false, false);
            this.problem = problem;
        }
    }

    /**
     * @param validated the same file was validated (dry run) against exactly the event store there is
     *        now, so validating again would only repeat that work: go straight to storing
     */
    Outcome run(ImportPlan plan, boolean dryRun, boolean validated, ImportProgress progress) {
        if (validated && !dryRun && plan.problems().isEmpty()) {
            return store(plan, progress);
        }
        List<CellProblem> problems = new ArrayList<>(plan.problems());
        progress.phase(ImportProgress.State.VALIDATING, plan.rows());
        long newEvents;
        try (InMemoryAggregates.Trial trial = aggregates.trial()) {
            for (PlannedCommand planned : plan.commands()) {
                CellProblem refused = send(trial::send, planned);
                if (refused != null) {
                    problems.add(refused);
                }
                progress.advance(planned.rows().size());
            }
            // Only the accepted commands' events: exactly what the file would add.
            newEvents = trial.recorded();
        } catch (Interrupted interrupted) {
            problems.add(interrupted.problem);
            return new Outcome(sorted(problems), true, 0, 0);
        }
        if (!problems.isEmpty() || dryRun) {
            return new Outcome(sorted(problems), false, 0, newEvents);
        }
        if (newEvents == 0) {
            // Every row is already stored (the same file again): storing would only repeat them.
            return new Outcome(List.of(), false, 0, 0);
        }
        return store(plan, progress);
    }

    private Outcome store(ImportPlan plan, ImportProgress progress) {
        progress.phase(ImportProgress.State.STORING, plan.rows());
        int stored = 0;
        List<PlannedCommand> all = plan.commands();
        for (int from = 0; from < all.size(); from += chunk) {
            List<PlannedCommand> part = all.subList(from, Math.min(all.size(), from + chunk));
            try {
                transactions.executeWithoutResult(transaction -> {
                    for (PlannedCommand planned : part) {
                        CellProblem refused = send(commands::sendAndWait, planned);
                        if (refused != null) {
                            throw new Interrupted(refused);
                        }
                        progress.advance(planned.rows().size());
                    }
                });
            } catch (Interrupted interrupted) {
                return new Outcome(List.of(interrupted.problem), true, stored, -1);
            }
            stored += part.size();
        }
        return new Outcome(List.of(), false, stored, -1);
    }

    /** Null when the command was accepted (or recognized as a repeat); the refusal where it belongs otherwise. */
    private CellProblem send(Consumer<Object> handler, PlannedCommand planned) {
        try {
            handler.accept(planned.command());
            return null;
        } catch (RuntimeException failure) {
            Throwable cause = failure;
            while (cause instanceof CommandExecutionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof CommandRefused refused) {
                // The aggregate's own code and arguments: the same as the REST API answers for this refusal.
                return planned.problem(refused.field(), refused.getMessage(), refused.problem().code().code(),
                        refused.problem().args());
            }
            if (cause instanceof AggregateNotFoundException) {
                return planned.problem("recommendationId", "no recommendation with this reference on record",
                        ProblemCode.NOT_ON_RECORD.code(), java.util.Map.of());
            }
            // Anything else (a concurrent write to the same recommendation, a database failure)
            // may have broken the transaction: stop rather than report every later row as failed.
            throw new Interrupted(planned.problem(null, "the import stopped here: " + cause.getMessage()
                    + "; run the same file again (whatever is already stored is recognized, not repeated)",
                    ProblemCode.IMPORT_STOPPED.code(), java.util.Map.of()));
        }
    }

    private static List<CellProblem> sorted(List<CellProblem> problems) {
        Comparator<CellProblem> order = Comparator
                .comparing((CellProblem p) -> Sheet.named(p.sheet() == null ? "" : p.sheet()).map(Enum::ordinal).orElse(-1))
                .thenComparing(p -> p.row() == null ? 0 : p.row());
        return problems.stream().sorted(order).toList();
    }
}
