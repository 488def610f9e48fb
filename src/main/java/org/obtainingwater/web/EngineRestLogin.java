package org.obtainingwater.web;

import java.util.List;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;

/**
 * engine-rest's authentication filter as Camunda ships it (the engine's authorizations apply to the user it
 * sets, docs/adr/0003), with the login, its groups and its tenants read through {@link StaffLogins}'s short
 * cache instead of three identity queries per call (docs/adr/0030).
 */
class EngineRestLogin extends ProcessEngineAuthenticationFilter {

  private final StaffLogins logins;

  EngineRestLogin(StaffLogins logins) {
    this.logins = logins;
  }

  @Override
  public void init(FilterConfig filterConfig) throws ServletException {
    super.init(filterConfig);
    authenticationProvider = new CachedBasicLogin(logins);
  }

  @Override
  protected List<String> getGroupsOfUser(ProcessEngine engine, String userId) {
    return logins.groupsOf(engine, userId);
  }

  @Override
  protected List<String> getTenantsOfUser(ProcessEngine engine, String userId) {
    return logins.tenantsOf(engine, userId);
  }
}
