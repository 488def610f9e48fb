package org.obtainingwater.payment;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * The quote a case's connectionFee decision charged for (docs/adr/0043): amount, basis, what it covers, when it is
 * paid (the paymentTiming decision) and, once accepted, where and by whom.
 *
 * @param paymentTiming {@link #BEFORE_WORKS} or {@link #AFTER_WATER_ON} (信用报装)
 * @param acceptedVia {@link #VIA_PAGE} or {@link #VIA_COUNTER}; null until accepted
 */
public record Quote(String applicationNumber, BigDecimal amount, String basis, String covers, String paymentTiming,
    int paymentDueDays, String timingBasis, OffsetDateTime issuedAt, OffsetDateTime acceptedAt, String acceptedVia,
    String acceptedBy) {

  /** The paymentTiming decision's outputs, as the diagram's gateway 何时付款？ reads them. */
  public static final String BEFORE_WORKS = "beforeWorks";
  public static final String AFTER_WATER_ON = "afterWaterOn";
  public static final String VIA_PAGE = "PAGE";
  public static final String VIA_COUNTER = "COUNTER";

  public boolean accepted() {
    return acceptedAt != null;
  }

  public boolean credit() {
    return AFTER_WATER_ON.equals(paymentTiming);
  }
}
