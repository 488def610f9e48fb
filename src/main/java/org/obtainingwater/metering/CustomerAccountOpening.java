package org.obtainingwater.metering;

/**
 * What billing needs to open the customer's account at water-on.
 *
 * @param applicationNumber the case, also the idempotency key: opening twice returns the same account
 * @param holderName the account holder (the applicant)
 * @param siteAddress where the meter is
 * @param useType tariff class (industrial, commercial, ...)
 * @param meterSerialNumber the meter fitted
 * @param meterDn its size
 * @param initialReading the first reading, where billing starts
 */
public record CustomerAccountOpening(String applicationNumber, String holderName, String siteAddress, String useType,
    String meterSerialNumber, int meterDn, double initialReading) {

  /** One account per case: the application number (docs/adr/0021). */
  public String idempotencyKey() {
    return applicationNumber;
  }
}
