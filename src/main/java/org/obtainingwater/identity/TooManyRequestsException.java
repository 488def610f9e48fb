package org.obtainingwater.identity;

/** A limit of {@link RateLimits} is used up: answered 429 with Retry-After (seconds) and this message. */
public class TooManyRequestsException extends RuntimeException {

  private final long retryAfterSeconds;

  TooManyRequestsException(String message, long retryAfterSeconds) {
    super(message);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
