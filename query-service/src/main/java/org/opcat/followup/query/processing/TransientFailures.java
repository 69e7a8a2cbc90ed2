package org.opcat.followup.query.processing;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.TransactionException;

/**
 * Tells a failure of the surroundings (database gone, deadlock, lost claim), which a retry of the
 * same batch cures, from a failure of the event itself, which no retry cures. Only the latter parks
 * an aggregate: parking on a passing database hiccup would freeze healthy read models.
 */
final class TransientFailures {

    private TransientFailures() {
    }

    static boolean isTransient(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof TransientDataAccessException
                    || cause instanceof RecoverableDataAccessException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof TransactionException
                    || cause instanceof UnableToClaimTokenException
                    || cause instanceof SQLTransientException
                    || cause instanceof SQLRecoverableException
                    || cause instanceof InterruptedException) {
                return true;
            }
            if (cause instanceof SQLException sql && isTransientState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * PostgreSQL SQLSTATE classes: 08 connection, 40 transaction rollback (serialization failure,
     * deadlock), 53 insufficient resources, 57 operator intervention (shutdown, query cancelled),
     * 55P03 lock not available.
     */
    private static boolean isTransientState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("40") || state.startsWith("53")
                || state.startsWith("57") || state.equals("55P03"));
    }
}
