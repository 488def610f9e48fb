package org.obtainingwater.web;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

/**
 * Camunda's HTTP Basic provider (header parsing, challenge) with the password check answered by
 * {@link StaffLogins}, so a verified login is not checked against the identity tables on every call.
 */
class CachedBasicLogin extends HttpBasicAuthenticationProvider {

  private final StaffLogins logins;

  CachedBasicLogin(StaffLogins logins) {
    this.logins = logins;
  }

  @Override
  protected boolean isAuthenticated(ProcessEngine engine, String userName, String password) {
    return logins.verify(engine, userName, password);
  }
}
