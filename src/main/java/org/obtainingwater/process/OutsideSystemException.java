package org.obtainingwater.process;

import java.time.Duration;

/**
 * A system the utility does not own (SMS provider, permit platform, billing) did not do what was asked, and how to
 * go on (docs/adr/0034): {@link Kind#UNAVAILABLE} is tried again on the usual schedule (the engine's failed-job retry
 * time cycle, the outbox's pause), {@link Kind#THROTTLED} after the system's own pause without spending an attempt,
 * {@link Kind#REFUSED} not at all: asking again gets the same answer, so a person must look (an incident in Cockpit,
 * a FAILED notice). The message is what that person reads: Chinese first, then English.
 */
public class OutsideSystemException extends RuntimeException {

  /** What the answer means for the next attempt. */
  public enum Kind {
    /** No answer, a timeout or a server error: the same call may well succeed later. */
    UNAVAILABLE,
    /** The system is healthy but asks the caller to slow down: call again after {@link #retryAfter()}. */
    THROTTLED,
    /** The system answered and said no (bad request, unknown template, no credit): the same call fails again. */
    REFUSED
  }

  private final Kind kind;
  private final String system;
  private final transient Duration retryAfter;

  public OutsideSystemException(Kind kind, String system, String message, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.system = system;
    this.retryAfter = retryAfter;
  }

  public static OutsideSystemException unavailable(String system, String message, Throwable cause) {
    return new OutsideSystemException(Kind.UNAVAILABLE, system, message, null, cause);
  }

  public static OutsideSystemException throttled(String system, String message, Duration retryAfter) {
    return new OutsideSystemException(Kind.THROTTLED, system, message, retryAfter, null);
  }

  public static OutsideSystemException refused(String system, String message) {
    return new OutsideSystemException(Kind.REFUSED, system, message, null, null);
  }

  public Kind kind() {
    return kind;
  }

  /** The system's name in the adapter journal and the configuration: {@code permit-authority}, {@code billing}, ... */
  public String system() {
    return system;
  }

  /** How long the system asked to wait; only for {@link Kind#THROTTLED}. */
  public Duration retryAfter() {
    return retryAfter;
  }

  /** The first {@code OutsideSystemException} in a chain of causes (the engine wraps what a delegate throws), if any. */
  public static OutsideSystemException in(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof OutsideSystemException outside) {
        return outside;
      }
    }
    return null;
  }
}
