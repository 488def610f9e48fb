package org.obtainingwater.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import org.obtainingwater.process.Sha256;

/** Random codes and tokens, and the hashes that are stored instead of them. */
final class Secrets {

  private static final SecureRandom RANDOM = new SecureRandom();

  static String code() {
    return String.format("%06d", RANDOM.nextInt(1_000_000));
  }

  static String token() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String salt() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  static String sha256(String text) {
    return Sha256.of(text);
  }

  static boolean sameHash(String expected, String given) {
    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII));
  }

  private Secrets() {
  }
}
