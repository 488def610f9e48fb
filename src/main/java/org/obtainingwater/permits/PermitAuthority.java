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
}
