package org.obtainingwater.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The city's permit platform calls back with its own credential: a bearer token the utility gives
 * the platform, configured as {@code obtaining-water.permit-platform.callback-token}
 * ({@code OW_PERMIT_CALLBACK_TOKEN}). It is not a staff login and opens nothing else. Outside the
 * demo profile the application refuses to start without one (PermitPlatformCredentialCheck).
 */
@Component
class PermitPlatformCredential implements HandlerInterceptor {

  private final String token;

  PermitPlatformCredential(@Value("${obtaining-water.permit-platform.callback-token:}") String token) {
    this.token = token;
  }

  /** Runs before the request's path and body are read: without the token, nothing else is answered. */
  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!accepts(request.getHeader(HttpHeaders.AUTHORIZATION))) {
      throw new PlatformUnauthorizedException();
    }
    return true;
  }

  /** Whether the Authorization header carries the platform's token (compared in constant time). */
  boolean accepts(String authorization) {
    return BearerTokens.matches(token, BearerTokens.from(authorization));
  }
}
