package org.obtainingwater.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.junit.jupiter.api.Test;
import org.obtainingwater.staff.StaffGroup;
import org.obtainingwater.support.AppOnPostgres;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The engine settings for Tasklist at scale (docs/adr/0023-tasklist-at-scale.md). On PostgreSQL the
 * task query and Tasklist's filter calls are planned with their parameters every time, and every
 * other engine command keeps PostgreSQL's default plan cache: each case runs the engine call inside a
 * transaction of the test and then asks PostgreSQL, on the same connection, which plan mode the
 * transaction has. Authorization checks use the staff member's own groups.
 */
@AppOnPostgres
class TaskQueryTuningPostgresTests {

  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  TransactionTemplate transaction;
  @Autowired
  ProcessEngine engine;
  @Autowired
  FilterService filters;

  @Test
  void aTransactionStartsWithPostgresDefaultPlans() {
    assertThat(planModeAfter(() -> null)).isEqualTo("auto");
  }

  @Test
  void theTaskQueryIsPlannedWithItsParameters() {
    assertThat(planModeAfter(() -> engine.getTaskService().createTaskQuery().taskCandidateGroup("survey").list()))
        .isEqualTo("force_custom_plan");
    assertThat(planModeAfter(() -> engine.getTaskService().createTaskQuery().taskCandidateGroup("survey").count()))
        .isEqualTo("force_custom_plan");
  }

  @Test
  void tasklistsFilterListPageAndCountArePlannedWithTheirParameters() {
    String queue = filters.createFilterQuery().filterName(StaffGroup.SURVEY.filterName()).singleResult().getId();

    assertThat(planModeAfter(() -> filters.list(queue))).isEqualTo("force_custom_plan");
    assertThat(planModeAfter(() -> filters.listPage(queue, 0, 15))).isEqualTo("force_custom_plan");
    assertThat(planModeAfter(() -> filters.count(queue))).isEqualTo("force_custom_plan");
  }

  @Test
  void everyOtherCommandKeepsTheDefault() {
    assertThat(planModeAfter(() -> engine.getRuntimeService().createProcessInstanceQuery().list()))
        .isEqualTo("auto");
    assertThat(planModeAfter(() -> engine.getHistoryService().createHistoricTaskInstanceQuery().list()))
        .isEqualTo("auto");
    assertThat(planModeAfter(() -> filters.createFilterQuery().list())).isEqualTo("auto");
  }

  @Test
  void authorizationChecksUseTheStaffMembersOwnGroupsWithoutReadingEveryGroupIdFirst() {
    List<String> checked = inCommand(manager -> {
      assertThat(manager).isInstanceOf(StaffGroupsAuthorizationManager.class);
      return manager.filterAuthenticatedGroupIds(List.of("survey", "survey", "no-such-group"));
    });

    assertThat(checked).containsExactly("survey", "no-such-group");
  }

  @Test
  void aUserInMoreGroupsThanStaffHaveGetsCamundasPrefilter() {
    List<String> groups = new ArrayList<>(List.of("survey"));
    for (int i = 0; i < StaffGroupsAuthorizationManager.GROUPS_CHECKED_DIRECTLY; i++) {
      groups.add("ldap-group-" + i);
    }

    List<String> checked = inCommand(manager -> manager.filterAuthenticatedGroupIds(groups));

    assertThat(checked).containsExactly("survey");
  }

  private <T> T inCommand(Function<AuthorizationManager, T> work) {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
        .execute(context -> work.apply(context.getAuthorizationManager()));
  }

  private String planModeAfter(Supplier<?> engineCall) {
    return transaction.execute(status -> {
      engineCall.get();
      return jdbc.queryForObject("SHOW plan_cache_mode", String.class);
    });
  }
}
