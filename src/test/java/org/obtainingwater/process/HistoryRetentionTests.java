package org.obtainingwater.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.obtainingwater.support.TestCases.accepted;
import static org.obtainingwater.support.TestCases.application;

import java.time.Duration;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.spring.boot.starter.event.PublishHistoryEventHandler;
import org.junit.jupiter.api.Test;
import org.obtainingwater.support.AppOnH2;
import org.obtainingwater.support.CaseDriver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * History is kept five years from the application: each history row carries its removal time from
 * the moment it is written, so no case's history has to be rewritten when it ends, and a running case
 * already shows when its history goes (docs/adr/0019-engine-tuning.md).
 */
@AppOnH2
class HistoryRetentionTests {

  static final Duration FIVE_YEARS = Duration.ofDays(1825);

  @Autowired
  ProcessEngine engine;

  @Test
  void historyOfARunningCase_isDueForRemovalFiveYearsAfterItsApplication() {
    CaseDriver cases = new CaseDriver(engine);
    ProcessInstance instance = cases.apply(application());
    cases.complete(instance, ObtainingWaterProcess.UserTasks.REVIEW_APPLICATION, accepted());
    HistoryService history = engine.getHistoryService();

    HistoricProcessInstance started = history.createHistoricProcessInstanceQuery().processInstanceId(instance.getId())
        .singleResult();
    assertThat(started.getEndTime()).as("still running").isNull();
    assertThat(started.getRemovalTime()).isNotNull();
    assertThat(Duration.between(started.getStartTime().toInstant(), started.getRemovalTime().toInstant()))
        .isEqualTo(FIVE_YEARS);

    List<HistoricActivityInstance> activities = history.createHistoricActivityInstanceQuery()
        .processInstanceId(instance.getId()).list();
    List<HistoricVariableInstance> variables = history.createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).list();
    assertThat(activities).isNotEmpty().allSatisfy(activity ->
        assertThat(activity.getRemovalTime()).as(activity.getActivityId()).isEqualTo(started.getRemovalTime()));
    assertThat(variables).isNotEmpty().allSatisfy(variable ->
        assertThat(variable.getRemovalTime()).as(variable.getName()).isEqualTo(started.getRemovalTime()));
  }

  @Test
  void engineStampsRemovalTimesAtTheStart_andPublishesNoHistoryEventsToSpring() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.getHistoryRemovalTimeStrategy())
        .isEqualTo(ProcessEngineConfigurationImpl.HISTORY_REMOVAL_TIME_STRATEGY_START);
    assertThat(configuration.getHistoryLevel().getName()).isEqualTo("full");
    assertThat(configuration.getCustomHistoryEventHandlers()).noneMatch(PublishHistoryEventHandler.class::isInstance);
  }
}
