package org.obtainingwater.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;

import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/**
 * Camunda's authorization manager without its group prefilter for staff with a handful of groups
 * (docs/adr/0023-tasklist-at-scale.md). Before its first authorization check, every engine command
 * of an authenticated user reads the distinct group ids of the whole authorization table
 * ({@code selectAuthorizedGroupIds}) to drop the user's groups that have no authorization at all, so
 * that an LDAP user in hundreds of groups does not send hundreds of ids. The authorization table
 * holds a row per open task and its candidate group, so that read grows with the open work, and
 * Tasklist's calls run it several times each (the figures are in ADR 0023).
 * <p>
 * Checking with the user's own groups gives the same answer: a group id that has no authorization
 * matches no row. Up to {@link #GROUPS_CHECKED_DIRECTLY} groups are checked directly; a user in more
 * groups than that gets Camunda's prefilter as before.
 */
class StaffGroupsAuthorizationManager extends AuthorizationManager {

  static final int GROUPS_CHECKED_DIRECTLY = 20;

  @Override
  public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
    if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
      return Collections.emptyList();
    }
    if (authenticatedGroupIds.size() > GROUPS_CHECKED_DIRECTLY) {
      return super.filterAuthenticatedGroupIds(authenticatedGroupIds);
    }
    return new ArrayList<>(new LinkedHashSet<>(authenticatedGroupIds));
  }

  /** Opens this manager wherever the engine asks for its {@link AuthorizationManager}. */
  static final class Factory implements SessionFactory {

    @Override
    public Class<?> getSessionType() {
      return AuthorizationManager.class;
    }

    @Override
    public Session openSession() {
      return new StaffGroupsAuthorizationManager();
    }
  }
}
