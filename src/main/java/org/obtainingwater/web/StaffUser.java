package org.obtainingwater.web;

import java.security.Principal;
import java.util.Collection;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request a staff guard let through, carrying the verified staff login as the servlet API's user and their
 * groups as its roles: what lies behind the guard (a controller recording who did something, the actuator
 * showing health details to administrators) asks the request, not the credentials again.
 */
final class StaffUser extends HttpServletRequestWrapper {

  private final Principal user;
  private final Set<String> groups;

  StaffUser(HttpServletRequest request, String userId, Collection<String> groups) {
    super(request);
    this.user = () -> userId;
    this.groups = Set.copyOf(groups);
  }

  @Override
  public Principal getUserPrincipal() {
    return user;
  }

  @Override
  public String getRemoteUser() {
    return user.getName();
  }

  @Override
  public boolean isUserInRole(String role) {
    return groups.contains(role);
  }
}
