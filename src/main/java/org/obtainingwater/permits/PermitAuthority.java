package org.obtainingwater.permits;


/**
 * The city's approval platform for road occupation/excavation and greenery occupation permits.
 * The utility does not own it; {@code adapters.RecordingPermitAuthority} is the local adapter. The
 * authority's decision comes back later and is recorded by the permit agent in Tasklist.
 */
public interface PermitAuthority {

  /**
   * Files an application and returns the platform's reference for it (申报受理号). Throws when the
   * platform is unavailable; filing is an asynchronous step with retries.
   *
   * <p>The filing step can call twice for one filing: when this application dies, or its transaction
   * fails, after the platform accepted and before the step committed, the step runs again. An adapter
   * must therefore send {@link PermitFiling#idempotencyKey()} and the platform must treat a second
   * filing with a key it has seen as the same filing: answer the same reference and file nothing new
   * (docs/adr/0021). Where the platform takes no key, the adapter looks the filing up by it before
   * filing again.
   */
  String file(PermitFiling filing);

  /**
   * Withdraws a filing that has no decision yet (撤回申报). Called again for the same filing when the
   * withdrawal step is retried, so the adapter sends {@link PermitWithdrawal#idempotencyKey()} and the
   * platform treats a repeat as the same withdrawal. Throws when the platform is unavailable; the step
   * retries.
   */
  void withdraw(PermitWithdrawal withdrawal);
}
