package org.obtainingwater.permits;

/**
 * One application to the city's permit platform, filed by the utility for the customer.
 *
 * @param applicationNumber the case
 * @param kind which permit
 * @param attempt which filing of this permit for the case: 1, then one more after each rejection, counted
 *     from the utility's own records of committed filings, so a retried filing step counts the same
 * @param procedure {@code permit} or {@code filing} (备案, for short works), from the requiredPermits table
 * @param siteAddress where the works are
 * @param externalPipeLength metres of pipe outside the red line
 * @param revisionNote what changed since the last rejection; null on the first filing
 */
public record PermitFiling(String applicationNumber, PermitKind kind, int attempt, String procedure, String siteAddress,
    double externalPipeLength, String revisionNote) {

  /**
   * The same for every retry of one filing and different for each refiling: {@code GW-2026-000123/road/2}
   * (docs/adr/0021).
   */
  public String idempotencyKey() {
    return applicationNumber + "/" + kind.code() + "/" + attempt;
  }
}
