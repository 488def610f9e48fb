package org.obtainingwater.process;

import java.util.function.BooleanSupplier;

import org.camunda.bpm.engine.OptimisticLockingException;

/**
 * An outside party's answer (the platform's permit decision, the customer's signature) applied to what the case was
 * waiting at a moment ago: a message subscription or the task a timer opened instead. When the wait ended in between
 * (the timer fired and committed first), the engine's failure is a lost race like an optimistic-lock failure, and is
 * reported as one: nothing was applied, and the caller may apply the answer again on the case's new state
 * ({@code web.ConcurrentChange.retried}).
 */
public final class LostRace {

  private LostRace() {
  }

  /**
   * Runs {@code answer}; a failure while {@code stillWaits} says the wait is gone becomes an
   * {@link OptimisticLockingException} naming {@code what}; any other failure is the caller's. Any failure, not only
   * the engine's own exceptions: a correlation that found the subscription just before the timer's commit removed
   * the execution tree fails inside the engine with a {@link NullPointerException} (seen on PostgreSQL).
   */
  public static void ifTheWaitEnded(String what, BooleanSupplier stillWaits, Runnable answer) {
    try {
      answer.run();
    } catch (OptimisticLockingException lost) {
      throw lost;
    } catch (RuntimeException failed) {
      if (stillWaits.getAsBoolean()) {
        throw failed;
      }
      throw new OptimisticLockingException(what + ": the case changed while it was being applied ("
          + failed.getMessage() + ")");
    }
  }
}
