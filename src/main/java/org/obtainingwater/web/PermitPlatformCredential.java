package org.obtainingwater.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

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

  static final String SCHEME = "Bearer ";

  private final byte[] token;

  PermitPlatformCredential(@Value("${obtaining-water.permit-platform.callback-token:}") String token) {
    this.token = token.getBytes(StandardCharsets.UTF_8);
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
    if (token.length == 0 || authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      return false;
    }
    byte[] given = authorization.substring(SCHEME.length()).strip().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(token, given);
  }
}
