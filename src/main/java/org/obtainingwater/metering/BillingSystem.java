package org.obtainingwater.metering;


/**
 * The utility's billing (营销) system, a product it licenses rather than owns. The local adapter
 * {@code adapters.RecordingBillingSystem} records the accounts it would open.
 */
public interface BillingSystem {

  /**
   * Opens the account and returns its number (用水户号). The step runs asynchronously and runs again
   * after a failure, or when this application died after billing answered and before the step
   * committed: an adapter must send {@link CustomerAccountOpening#idempotencyKey()}, and billing must
   * answer a second opening with that key with the account it already opened (docs/adr/0021).
   */
  String openAccount(CustomerAccountOpening opening);
}
