package org.obtainingwater.notification;

/** Keeps personal data out of logs: only enough of a phone number to tell two apart. */
public final class Masking {

  /** {@code 13812345678} becomes {@code 138****5678}; anything short is masked entirely. */
  public static String phone(String phone) {
    if (phone == null || phone.length() < 7) {
      return "****";
    }
    return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
  }

  private Masking() {
  }
}
