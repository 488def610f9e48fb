package org.obtainingwater.permits;

/**
 * The city's approval platform for road occupation/excavation and greenery occupation permits.
 * The utility does not own it; {@link RecordingPermitAuthority} is the local adapter. The
 * authority's decision comes back later and is recorded by the permit agent in Tasklist.
 */
public interface PermitAuthority {

  /**
   * Files an application and returns the platform's reference for it (申报受理号). Throws when the
   * platform is unavailable; filing is an asynchronous step with retries.
   */
  String file(PermitFiling filing);
}
