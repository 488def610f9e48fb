package org.obtainingwater.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * An outside system's own credential on its one door (the permit platform's callback, the payment gateway's
 * notification): a bearer token the utility gives that system, compared in constant time before the request's path
 * and body are read. It is no staff login and opens nothing else; without it the door answers 401 naming the realm.
 */
abstract class BearerCredential implements HandlerInterceptor {

  /** A request without the system's credential; answered 401 with {@code WWW-Authenticate: Bearer realm=…}. */
  static final class Missing extends RuntimeException {

    private final String realm;

    Missing(String realm, String message) {
      super(message);
      this.realm = realm;
    }

    String realm() {
      return realm;
    }
  }

  private final String realm;
  private final String token;
  private final String missing;

  /**
   * @param realm the realm the 401 names
   * @param token the configured token; empty matches nothing
   * @param missing what a caller without it is told, in Chinese
   */
  BearerCredential(String realm, String token, String missing) {
    this.realm = realm;
    this.token = token;
    this.missing = missing;
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!accepts(request.getHeader(HttpHeaders.AUTHORIZATION))) {
      throw new Missing(realm, missing);
    }
    return true;
  }

  /** Whether the Authorization header carries the system's token (compared in constant time). */
  boolean accepts(String authorization) {
    return BearerTokens.matches(token, BearerTokens.from(authorization));
  }
}
