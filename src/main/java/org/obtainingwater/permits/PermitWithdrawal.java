package org.obtainingwater.permits;

/**
 * Withdrawing a filing the platform has not decided yet, because the customer withdrew the case.
 *
 * @param reference the platform's reference of the filing (申报受理号)
 * @param applicationNumber the case
 * @param kind which permit
 */
public record PermitWithdrawal(String reference, String applicationNumber, PermitKind kind) {

  /** One key per filing: every repeat of the withdrawal of one filing is the same call (docs/adr/0021). */
  public String idempotencyKey() {
    return "withdraw/" + reference;
  }
}
