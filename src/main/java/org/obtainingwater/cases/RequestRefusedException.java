package org.obtainingwater.cases;

/**
 * A request from outside (customer API, permit platform) that the case's state does not allow, with
 * a message the caller can act on. The API layer answers 404, 409 or 422 from {@link #reason()}.
 */
public class RequestRefusedException extends RuntimeException {

  /** Why the request was refused. */
  public enum Reason {
    /** No such case or filing, or the caller could not prove it is theirs: look-alike on purpose. */
    NOT_FOUND,
    /** The case or filing is not in a state that allows it (already withdrawn, decided, finished). */
    CONFLICT,
    /** The request contradicts an earlier one it claims to repeat (idempotency key reused). */
    UNPROCESSABLE
  }

  private final Reason reason;

  public RequestRefusedException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
