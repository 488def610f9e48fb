package org.obtainingwater.api;

import org.obtainingwater.process.Sha256;

/** SHA-256 over the parts of a request, separated so that ("ab", "c") and ("a", "bc") differ. */
final class Fingerprint {

  static String of(String... parts) {
    return Sha256.ofParts(parts);
  }

  private Fingerprint() {
  }
}
