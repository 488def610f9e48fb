package org.obtainingwater.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The bearer credentials outside systems present (the permit platform, the payment gateway, the customers' channels): read from the
 * Authorization header, compared in constant time, and required to be long enough outside the demo profile.
 */
final class BearerTokens {

  static final String SCHEME = "Bearer ";

  /** The shortest credential accepted outside demo, from the environment. */
  static final int MIN_LENGTH = 32;

  private BearerTokens() {
  }

  /** The token of an {@code Authorization: Bearer …} header, or null when the header carries none. */
  static String from(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      return null;
    }
    return authorization.substring(SCHEME.length()).strip();
  }

  /** Whether the given token is the expected one, in constant time; an empty expected token matches nothing. */
  static boolean matches(String expected, String given) {
    if (expected == null || expected.isEmpty() || given == null) {
      return false;
    }
    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }

  /** Whether a configured token came from the environment and is long enough to be no guess. */
  static boolean strongEnough(String token) {
    return token != null && !token.startsWith("${") && token.strip().length() >= MIN_LENGTH;
  }

  /**
   * Refuses the start (outside demo) when an outside system's token is not {@link #strongEnough}, naming the
   * environment variable to set and whose credential it is.
   */
  static void requireFromEnvironment(String token, String variable, String whose) {
    if (!strongEnough(token)) {
      throw new IllegalStateException("Set " + variable + " (at least " + MIN_LENGTH + " characters): " + whose
          + " comes from the environment outside the demo profile.");
    }
  }
}
