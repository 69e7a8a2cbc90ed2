package org.opcat.followup.command;

import java.util.List;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.opcat.followup.command.recommendation.RecommendationCommands.OnExisting;
import org.opcat.followup.command.refusal.VersionAhead;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a command again when it was decided on a stale state: with several command-service
 * instances on one database, the aggregate cache of one does not see what the others append. The
 * append then fails on the event table's unique (aggregate, sequence) key, Axon rolls back and
 * evicts the cached state, and the command runs again on the stored history. A user writing one
 * thing after another thus never sees a conflict that did not happen.
 *
 * <p>Only commands without {@code If-Match} are run again after a failed append: with it, the
 * client asked to be refused if anyone wrote since it looked (409). A command whose
 * {@code If-Match} is later than the state it met ({@link VersionAhead}) is run again once in any
 * case: that state cannot be current, and the stored history decides.
 *
 * <p>Synchronous, in the caller's thread (its signed-in user and correlation id), and never inside
 * a transaction of the caller's (the import's): the failed insert has spoiled that transaction,
 * and the caller decides what becomes of it.
 */
final class StaleStateRetry implements RetryScheduler {

    private static final Logger log = LoggerFactory.getLogger(StaleStateRetry.class);

    private final int maxRetries;

    StaleStateRetry(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
            List<Class<? extends Throwable>[]> failures, Runnable commandDispatch) {
        if (failures.size() > maxRetries || TransactionSynchronizationManager.isActualTransactionActive()) {
            return false;
        }
        boolean retry = isCausedBy(lastFailure, VersionAhead.class)
                ? failures.size() == 1
                : isAppendConflict(lastFailure) && !hasIfMatch(commandMessage.getPayload());
        if (!retry) {
            return false;
        }
        log.info("{} met a stale state ({}); running it again on the stored history",
                commandMessage.getCommandName(), lastFailure.getMessage());
        commandDispatch.run();
        return true;
    }

    private static boolean isAppendConflict(Throwable failure) {
        return isCausedBy(failure, ConcurrencyException.class) || isCausedBy(failure, AggregateStreamCreationException.class);
    }

    private static boolean hasIfMatch(Object command) {
        return command instanceof OnExisting onExisting && onExisting.expectedVersion() != null;
    }

    private static boolean isCausedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
