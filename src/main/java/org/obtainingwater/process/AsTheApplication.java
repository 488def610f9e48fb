package org.obtainingwater.process;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Engine calls the application makes as its own bookkeeping, not as the person whose request or task completion it
 * is part of (a due date moved by the customer's time, a wait completed because the customer said "ready"): the
 * caller's engine login is set aside for the call, so no authorization of that person applies, and restored after.
 */
public final class AsTheApplication {

  private AsTheApplication() {
  }

  public static void run(IdentityService identity, Runnable work) {
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      work.run();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }
}
