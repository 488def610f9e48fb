package org.obtainingwater.process;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a failure caused by the database being out of reach (down, restarting, the pool unable to
 * connect) from every other failure: the request did nothing, and the same request later will work.
 * The APIs answer it with 503 and a Retry-After instead of a 500.
 */
public final class DatabaseOutage {

  /** Seconds a client should wait before retrying. */
  public static final int RETRY_AFTER_SECONDS = 30;

  private DatabaseOutage() {
  }

  public static boolean causedBy(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof CannotCreateTransactionException || cause instanceof DataAccessResourceFailureException
          || cause instanceof SQLTransientConnectionException || cause instanceof ConnectException) {
        return true;
      }
      // SQLSTATE class 08: connection exception (PostgreSQL, H2 and the SQL standard alike).
      if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }
}
