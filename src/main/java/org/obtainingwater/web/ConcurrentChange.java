package org.obtainingwater.web;

import java.sql.SQLException;
import java.util.function.Supplier;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.errorcode.BuiltinExceptionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;

/**
 * Tells a request that lost a race for the same case (two clerks on one task, a clerk and the overdue
 * timer at the same moment) from every other failure: its transaction was rolled back, nothing it did
 * took effect, and the same request on the case's new state may work. The engine reports the loser as
 * an {@link OptimisticLockingException} when it notices the conflict itself, and as a deadlock when
 * PostgreSQL notices it first (the two transactions lock the same rows in a different order; the
 * database aborts one). Both are answered 409, never 500.
 */
public final class ConcurrentChange {

  private static final Logger LOG = LoggerFactory.getLogger(ConcurrentChange.class);

  private ConcurrentChange() {
  }

  /**
   * Runs {@code change}, a transaction of its own, and runs it again when it lost a race for its case, at most
   * {@code attempts} times in all. For a change an outside party makes once and must not be told "try again": a
   * platform's decision, a customer's signature racing the case's own timer (nothing was applied by the loser, and on
   * the case's new state the change applies differently, e.g. completing the task the timer opened).
   */
  public static <T> T retried(int attempts, String what, Supplier<T> change) {
    for (int attempt = 1; ; attempt++) {
      try {
        return change.get();
      } catch (RuntimeException e) {
        if (attempt >= attempts || !causedBy(e)) {
          throw e;
        }
        LOG.info("{} lost a race for its case (attempt {}), applying it again: {}", what, attempt, e.getMessage());
      }
    }
  }

  /** Whether the failure or any of its causes says so. */
  public static boolean causedBy(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (is(cause)) {
        return true;
      }
    }
    return false;
  }

  /** Whether this exception itself (not its causes) says so. */
  static boolean is(Throwable cause) {
    if (cause instanceof OptimisticLockingException || cause instanceof ConcurrencyFailureException) {
      return true;
    }
    if (cause instanceof ProcessEngineException engine && engine.getCode() == BuiltinExceptionCode.DEADLOCK.getCode()) {
      return true;
    }
    // SQLSTATE 40P01 deadlock detected (PostgreSQL), 40001 serialization failure (the SQL standard, H2).
    return cause instanceof SQLException sql && ("40P01".equals(sql.getSQLState()) || "40001".equals(sql.getSQLState()));
  }
}
