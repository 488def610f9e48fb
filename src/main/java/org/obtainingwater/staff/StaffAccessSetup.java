package org.obtainingwater.staff;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.UPDATE;
import static org.camunda.bpm.engine.authorization.TaskPermissions.TASK_ASSIGN;
import static org.camunda.bpm.engine.authorization.TaskPermissions.TASK_WORK;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_TASK;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.FILTER;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.TASK;
import static org.obtainingwater.process.CaseVariables.OVERDUE;
import static org.obtainingwater.process.ObtainingWaterProcess.PROCESS_KEY;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.spring.SpringTransactionsProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.spring.boot.starter.configuration.Ordering;
import org.obtainingwater.process.CaseVariables;
import org.obtainingwater.process.PreEngagementProcess;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates, at every start and in every profile, what staff need to work: the staff groups, their
 * authorizations (Tasklist, the process, their own tasks), a Tasklist filter per group and the shared
 * filters (claimed, overdue; due soon for supervisors). Existing groups, grants and filters are left as they are, so an
 * administrator's changes survive restarts; only the filters this application retired are deleted.
 * Users are not created here: in production they come from the administrator (or LDAP); the demo
 * profile adds demo users ({@link DemoStaffSetup}).
 */
@Component
@Order(StaffAccessSetup.ORDER)
public class StaffAccessSetup extends AbstractCamundaConfiguration {

  /** After the starter's own plugins (admin user, authorization defaults). */
  static final int ORDER = Ordering.DEFAULT_ORDER + 10;

  /** The filter every member of staff gets: the tasks they have claimed. */
  public static final String MY_TASKS_FILTER = "我认领的任务";

  /** Tasks that ran past their stage's target and were escalated; each user sees those they may see anyway. */
  public static final String OVERDUE_TASKS_FILTER = "已超期任务";

  /**
   * Supervisors' early warning: open tasks of every stage due within one working day and not yet overdue.
   * Not shared with the other groups: their own queue, sorted by due date, shows the same at its top, and
   * Tasklist counts every filter a user has on each refresh, which for this one means checking the
   * authorizations of every task in the city that is due soon.
   */
  public static final String DUE_SOON_TASKS_FILTER = "即将超期任务";

  /**
   * Filters of earlier versions, deleted at start. 全部在办任务 listed every open task of the city for
   * supervisors: at scale one Tasklist call on it took seconds to minutes, as the planner chose
   * (docs/adr/0023-tasklist-at-scale.md); supervisors follow cases in Cockpit and the
   * scorecard, and work from 已超期任务 and 即将超期任务.
   */
  static final List<String> RETIRED_FILTERS = List.of("全部在办任务");

  /** What Tasklist shows on each task card: the case's number, applicant and site ({@link TaskCardVariables}). */
  static final List<Map<String, String>> CASE_COLUMNS = java.util.stream.Stream.concat(
      TaskCardVariables.CARD.values().stream(), java.util.stream.Stream.of(CaseVariables.CARD_VISIT))
      .map(card -> Map.of("name", card.name(), "label", card.label())).toList();

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    oneNodeAtATime(engine, () -> setUp(engine));
  }

  /**
   * Runs start-up set-up in one transaction that first takes the engine's start-up lock (a row lock on
   * {@code ACT_GE_PROPERTY 'startup.lock'}, held to the commit), so nodes of a cluster that start together
   * take turns: otherwise both find a filter missing and create it twice, both update the same grant and one
   * fails to start with an optimistic locking exception. Each service call inside is its own engine command
   * (flushed, so the next query sees it) joining that transaction.
   */
  static void oneNodeAtATime(ProcessEngine engine, Runnable setUp) {
    SpringTransactionsProcessEngineConfiguration configuration =
        (SpringTransactionsProcessEngineConfiguration) ((ProcessEngineImpl) engine).getProcessEngineConfiguration();
    new TransactionTemplate(configuration.getTransactionManager()).executeWithoutResult(transaction -> {
      configuration.getCommandExecutorTxRequired().execute(context -> {
        context.getPropertyManager().acquireExclusiveLockForStartup();
        return null;
      });
      setUp.run();
    });
  }

  private void setUp(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    AuthorizationService authorizations = engine.getAuthorizationService();
    FilterService filters = engine.getFilterService();

    for (StaffGroup group : StaffGroup.values()) {
      createGroup(identity, group);
      grant(authorizations, group.id(), APPLICATION, "tasklist", ACCESS);
      grant(authorizations, group.id(), PROCESS_DEFINITION, PROCESS_KEY, READ);
      grant(authorizations, group.id(), PROCESS_DEFINITION, PreEngagementProcess.PROCESS_KEY, READ);
      // Tasklist opens the filter with the lowest priority: the group's queue comes first.
      Filter queue = filter(filters, group.filterName(), group.title() + "所在组的待办任务（含已认领）", group.ordinal(),
          engine.getTaskService().createTaskQuery().taskCandidateGroup(group.id()).includeAssignedTasks().orderByDueDate().asc());
      grant(authorizations, group.id(), FILTER, queue.getId(), READ);
    }
    Filter mine = filter(filters, MY_TASKS_FILTER, "我已认领、正在办理的任务", 50,
        engine.getTaskService().createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc());
    // Escalated tasks (docs/adr/0018): the query runs with the user's rights, so staff see their own
    // stage's overdue tasks and supervisors every stage's.
    Filter overdue = filter(filters, OVERDUE_TASKS_FILTER, "超过办理时限、已督办的任务，优先级高、到期早的在前", 45,
        engine.getTaskService().createTaskQuery().taskVariableValueEquals(OVERDUE.name(), true)
            .orderByTaskPriority().desc().orderByDueDate().asc());
    for (StaffGroup group : StaffGroup.values()) {
      grant(authorizations, group.id(), FILTER, mine.getId(), READ);
      grant(authorizations, group.id(), FILTER, overdue.getId(), READ);
    }
    for (String retired : RETIRED_FILTERS) {
      filters.createFilterQuery().filterName(retired).list().forEach(filter -> filters.deleteFilter(filter.getId()));
    }

    // Counter and hotline staff register applications from Tasklist's start form.
    grant(authorizations, StaffGroup.INTAKE.id(), PROCESS_DEFINITION, PROCESS_KEY, CREATE_INSTANCE);
    grant(authorizations, StaffGroup.INTAKE.id(), PROCESS_INSTANCE, "*", CREATE);

    // Account managers register the city's major projects for pre-engagement (提前办) from Tasklist's start form.
    grant(authorizations, StaffGroup.ACCOUNTS.id(), PROCESS_DEFINITION, PreEngagementProcess.PROCESS_KEY, CREATE_INSTANCE);
    grant(authorizations, StaffGroup.ACCOUNTS.id(), PROCESS_INSTANCE, "*", CREATE);

    // Supervisors oversee every case: read its tasks and history, in Tasklist and Cockpit.
    String supervisors = StaffGroup.SUPERVISORS.id();
    grant(authorizations, supervisors, APPLICATION, "cockpit", ACCESS);
    grant(authorizations, supervisors, PROCESS_DEFINITION, PROCESS_KEY, READ_INSTANCE, READ_TASK, READ_HISTORY);
    grant(authorizations, supervisors, PROCESS_DEFINITION, PreEngagementProcess.PROCESS_KEY, READ_INSTANCE, READ_TASK,
        READ_HISTORY);
    grant(authorizations, supervisors, PROCESS_INSTANCE, "*", READ);
    // Supervisors reassign work (TASK_ASSIGN); they move due dates through StaffWrites, not with UPDATE, which
    // would also let them complete any task and set its variables (docs/adr/0027).
    grant(authorizations, supervisors, TASK, "*", READ, TASK_ASSIGN);
    workNotUpdate(authorizations);
    Filter dueSoon = filter(filters, DUE_SOON_TASKS_FILTER, "各环节一个工作日内到期、尚未超期的任务，到期早的在前", 46,
        engine.getTaskService().createTaskQuery().dueAfterExpression("${now()}")
            .dueBeforeExpression("${workingCalendar.oneWorkingDayFromNow()}").orderByDueDate().asc());
    grant(authorizations, supervisors, FILTER, dueSoon.getId(), READ);
  }

  /**
   * Earlier versions let the engine grant each candidate group and user {@code UPDATE} on their tasks, which
   * also lets them set variables, move due dates and add candidate groups; they now get {@code TASK_WORK}
   * (camunda.bpm.generic-properties defaultUserPermissionNameForTask). The tasks of such a database keep their
   * grants until they end, so those are turned into {@code TASK_WORK} here, once: afterwards none is left.
   * Grants on every task ({@code *}) are an administrator's and stay as they are.
   */
  static void workNotUpdate(AuthorizationService authorizations) {
    for (Authorization grant : authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
        .resourceType(TASK).hasPermission(UPDATE).list()) {
      if (Authorization.ANY.equals(grant.getResourceId())) {
        continue;
      }
      grant.removePermission(UPDATE);
      grant.addPermission(TASK_WORK);
      authorizations.saveAuthorization(grant);
    }
  }

  private static void createGroup(IdentityService identity, StaffGroup staffGroup) {
    if (identity.createGroupQuery().groupId(staffGroup.id()).count() == 0) {
      Group group = identity.newGroup(staffGroup.id());
      group.setName(staffGroup.title());
      group.setType("WORKFLOW");
      identity.saveGroup(group);
    }
  }

  private static void grant(AuthorizationService authorizations, String groupId, Resource resource, String resourceId,
      Permission... permissions) {
    Authorization existing = authorizations.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT).groupIdIn(groupId).resourceType(resource).resourceId(resourceId)
        .singleResult();
    Authorization grant = existing != null ? existing : authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    grant.setGroupId(groupId);
    grant.setResource(resource);
    grant.setResourceId(resourceId);
    for (Permission permission : permissions) {
      grant.addPermission(permission);
    }
    authorizations.saveAuthorization(grant);
  }

  private static Filter filter(FilterService filters, String name, String description, int priority, TaskQuery query) {
    Filter existing = filters.createFilterQuery().filterName(name).singleResult();
    if (existing != null) {
      return existing;
    }
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", description);
    properties.put("priority", priority);
    properties.put("refresh", true);
    properties.put("variables", CASE_COLUMNS);
    properties.put("showUndefinedVariable", false);
    Filter filter = filters.newTaskFilter(name).setProperties(properties).setQuery(query);
    return filters.saveFilter(filter);
  }
}
