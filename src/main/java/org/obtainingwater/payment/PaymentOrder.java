package org.obtainingwater.payment;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A payment order sent to the gateway and, once the gateway notified it, what it did to the case.
 *
 * @param effect {@link #CASE_CONTINUED} or {@link #CASE_NOT_WAITING}; null while unpaid
 */
public record PaymentOrder(String reference, String applicationNumber, BigDecimal amount, OffsetDateTime createdAt,
    String payUrl, OffsetDateTime paidAt, BigDecimal paidAmount, String gatewayTransaction, String effect) {

  /** The case waited for the payment and went on (towards construction and the meter, or to closing). */
  public static final String CASE_CONTINUED = "CASE_CONTINUED";
  /** The case no longer waited (withdrawn meanwhile): the payment is recorded, its refund is a matter for staff. */
  public static final String CASE_NOT_WAITING = "CASE_NOT_WAITING";

  public boolean paid() {
    return paidAt != null;
  }
}
