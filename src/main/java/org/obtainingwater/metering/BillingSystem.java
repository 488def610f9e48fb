package org.obtainingwater.metering;

/**
 * The utility's billing (营销) system, a product it licenses rather than owns. The local adapter
 * {@link RecordingBillingSystem} records the accounts it would open.
 */
public interface BillingSystem {

  /**
   * Opens the account and returns its number (用水户号). Must be idempotent per application
   * number: the step runs asynchronously and is retried after failures.
   */
  String openAccount(CustomerAccountOpening opening);
}
