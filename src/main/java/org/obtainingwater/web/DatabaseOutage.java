package org.obtainingwater.web;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a failure caused by the database being out of reach (down, restarting, the pool unable to
 * connect) from every other failure: the request did nothing, and the same request later will work.
 * Every door answers it with 503, a Retry-After and {@link #NOTHING_DONE} (or {@link #NOTHING_FILED})
 * instead of a 500: the application's APIs as problem+json (ApiProblems), engine-rest
 * (EngineRestErrors) and everything else (DatabaseOutageFilter) in engine-rest's error format.
 */
final class DatabaseOutage {

  /** Seconds a client should wait before retrying. */
  static final int RETRY_AFTER_SECONDS = 30;

  /** What every door answers meanwhile: nothing took effect, and when to try again. */
  static final String NOTHING_DONE = "系统暂时无法访问数据库，您的操作没有生效。请约 " + RETRY_AFTER_SECONDS + " 秒后重试。";

  /** The same for the application's APIs, where the request may be a filing: retried, it is filed once. */
  static final String NOTHING_FILED = "系统暂时无法访问数据库，您的请求没有被处理，也没有被受理。请约 " + RETRY_AFTER_SECONDS
      + " 秒后重试；重新提交申请时请使用同一个 Idempotency-Key，不会重复受理。";

  private DatabaseOutage() {
  }

  static boolean causedBy(Throwable failure) {
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
