package org.obtainingwater.contract;

import java.time.OffsetDateTime;

import org.obtainingwater.notification.Masking;

/**
 * A signature on a supply contract: who signed the document with this SHA-256, when, and on what check.
 *
 * @param method {@link Method#SMS_CODE} or {@link Method#COUNTER}
 * @param signedAt when, in the utility's zone
 * @param documentSha256 the SHA-256 of the issued document the customer was shown
 * @param phone the case's phone the code went to (SMS_CODE), or the phone on record (COUNTER)
 * @param verificationCodeId the code record that was checked (SMS_CODE), else null
 * @param counterStaff the staff login that recorded the signature (COUNTER), else null
 */
public record ContractSignature(Method method, OffsetDateTime signedAt, String documentSha256, String phone,
    Long verificationCodeId, String counterStaff) {

  /** The phone as shown to people: 138****5678. */
  public String maskedPhone() {
    return Masking.phone(phone);
  }

  /** How the customer signed. */
  public enum Method {
    /** On the page or in the app, confirmed with a fresh SMS code sent to the case's phone. */
    SMS_CODE("短信验证码确认"),
    /** On paper at the counter, recorded by staff. */
    COUNTER("营业厅柜台签字");

    private final String label;

    Method(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }
}
