package org.obtainingwater;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.obtainingwater.process.PreEngagementProcess.BUILD_AHEAD;
import static org.obtainingwater.process.PreEngagementProcess.NOT_AHEAD;
import static org.obtainingwater.process.PreEngagementProcess.UserTasks.AWAIT_APPLICATION;
import static org.obtainingwater.process.PreEngagementProcess.UserTasks.BUILD_PIPE_AHEAD;
import static org.obtainingwater.process.PreEngagementProcess.UserTasks.DECIDE_PIPE_AHEAD;
import static org.obtainingwater.process.PreEngagementProcess.UserTasks.PRE_DESIGN_SUPPLY_SCHEME;
import static org.obtainingwater.process.PreEngagementProcess.UserTasks.PRE_SURVEY_SITE;
import static org.obtainingwater.support.TestCases.accepted;
import static org.obtainingwater.support.TestCases.application;
import static org.obtainingwater.support.TestCases.calledBack;
import static org.obtainingwater.support.TestCases.designed;
import static org.obtainingwater.support.TestCases.meterInstalled;
import static org.obtainingwater.support.TestCases.newProjectReference;
import static org.obtainingwater.support.TestCases.notFeasible;
import static org.obtainingwater.support.TestCases.pipeAhead;
import static org.obtainingwater.support.TestCases.pipelineBuilt;
import static org.obtainingwater.support.TestCases.pressureTestFailed;
import static org.obtainingwater.support.TestCases.projectClosed;
import static org.obtainingwater.support.TestCases.projectListed;
import static org.obtainingwater.support.TestCases.surveyed;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.obtainingwater.cases.CaseRecords;
import org.obtainingwater.cases.CustomerCases;
import org.obtainingwater.cases.CustomerCases.CaseView;
import org.obtainingwater.cases.Stage;
import org.obtainingwater.cases.StageEntry;
import org.obtainingwater.contract.SupplyContracts;
import org.obtainingwater.payment.Payments;
import org.obtainingwater.process.CaseVariables;
import org.obtainingwater.process.InvalidInputException;
import org.obtainingwater.process.ObtainingWaterProcess.Elements;
import org.obtainingwater.process.ObtainingWaterProcess.UserTasks;
import org.obtainingwater.process.PreEngagementProcess;
import org.obtainingwater.support.AppOnH2;
import org.obtainingwater.support.CaseDriver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The pre-engagement process (提前办) path by path, and what an application that names a project
 * does in obtainingWater: skips survey and design, or everything up to the meter when the pipe was
 * built ahead; goes the normal way when the project had not finished pre-design; is refused at the
 * door when the reference names no open project. docs/adr/0010-pre-engagement-link.md.
 */
@AppOnH2
class PreEngagementProcessTests {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  @Autowired
  ProcessEngine engine;
  @Autowired
  SupplyContracts contracts;
  @Autowired
  CaseRecords records;
  @Autowired
  CustomerCases customerCases;
  @Autowired
  Payments payments;

  CaseDriver cases;
  RuntimeService runtime;
  HistoryService history;

  @BeforeEach
  void initAssertions() {
    AbstractAssertions.init(engine);
    cases = new CaseDriver(engine);
    runtime = engine.getRuntimeService();
    history = engine.getHistoryService();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  // --- preEngagement on its own ------------------------------------------------------------------

  @Test
  void registeredProject_isKeyedByItsReference_andGoesToThePreSurvey() {
    String reference = newProjectReference();
    ProcessInstance project = cases.register(projectListed(reference));

    assertThat(project.getBusinessKey()).isEqualTo(reference);
    assertThat(project).isWaitingAt(PRE_SURVEY_SITE).task().hasCandidateGroup("survey");
  }

  @Test
  void preSurveyAndPreDesign_thenThePipeBuiltAheadAfterAFailedPressureTest_waitForTheApplication() {
    String reference = newProjectReference();
    ProcessInstance project = cases.register(projectListed(reference));
    cases.complete(project, PRE_SURVEY_SITE, surveyed(120, true, false));
    assertThat(project).isWaitingAt(PRE_DESIGN_SUPPLY_SCHEME).task().hasCandidateGroup("design");
    assertThat(runtime.getVariable(project.getId(), CaseVariables.RECOMMENDED_METER_DN.name())).isNotNull();
    cases.complete(project, PRE_DESIGN_SUPPLY_SCHEME, designed(150, 100, 86_000));
    assertThat(project).isWaitingAt(DECIDE_PIPE_AHEAD).task().hasCandidateGroup("accounts");
    assertThat(runtime.getVariable(project.getId(), CaseVariables.FEE_BASIS.name())).as("fee terms decided").isNotNull();

    cases.complete(project, DECIDE_PIPE_AHEAD, pipeAhead(BUILD_AHEAD));
    assertThat(project).isWaitingAt(BUILD_PIPE_AHEAD).task().hasCandidateGroup("construction");
    cases.complete(project, BUILD_PIPE_AHEAD, pressureTestFailed("接口渗漏，重新热熔"));
    cases.complete(project, BUILD_PIPE_AHEAD, pipelineBuilt());

    assertThat(project).isWaitingAt(AWAIT_APPLICATION).task().hasCandidateGroup("accounts");
    LocalDate expected = LocalDate.parse((String) runtime.getVariable(project.getId(),
        CaseVariables.EXPECTED_APPLICATION_DATE.name()));
    assertThat(cases.task(project, AWAIT_APPLICATION).getDueDate())
        .isEqualTo(Date.from(expected.atStartOfDay(ZONE).toInstant()));
  }

  @Test
  void preSurveyFindsNoConnection_endsTheProject() {
    ProcessInstance project = cases.register(projectListed(newProjectReference()));
    cases.complete(project, PRE_SURVEY_SITE, notFeasible("附近无市政供水管网，规划管网 2028 年建成"));

    assertThat(project).isEnded().hasPassed(PreEngagementProcess.Elements.END_NOT_FEASIBLE);
  }

  @Test
  void accountManagerClosesTheWaitingProject_withAReason() {
    ProcessInstance project = waitingForApplication(newProjectReference(), NOT_AHEAD);

    assertThatThrownBy(() -> cases.complete(project, AWAIT_APPLICATION, projectClosed(" ")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("关闭原因");
    cases.complete(project, AWAIT_APPLICATION, projectClosed("项目取消：用地调整"));

    assertThat(project).isEnded().hasPassed(PreEngagementProcess.Elements.END_CLOSED);
  }

  @Test
  void noApplicationWithinTheWaitingPeriod_closesTheProjectByItself_once() {
    ProcessInstance project = waitingForApplication(newProjectReference(), NOT_AHEAD);
    Job timer = engine.getManagementService().createJobQuery().processInstanceId(project.getId()).timers().singleResult();
    LocalDate expected = LocalDate.parse((String) runtime.getVariable(project.getId(),
        CaseVariables.EXPECTED_APPLICATION_DATE.name()));
    assertThat(timer.getDuedate()).isEqualTo(Date.from(expected.plusDays(180).atStartOfDay(ZONE).toInstant()));

    ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() - 60_000));
    cases.executeJobs(project);
    assertThat(project).isWaitingAt(AWAIT_APPLICATION);

    ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 60_000));
    cases.executeJobs(project);
    assertThat(project).isEnded().hasPassed(PreEngagementProcess.Elements.END_EXPIRED);
  }

  @Test
  void registration_refusesAMalformedReference_aProjectAlreadyOpen_andADateInThePast() {
    String reference = newProjectReference();
    cases.register(projectListed(reference));

    assertThat(refusedRegistration(projectListed(reference))).containsKey("projectReference");
    VariableMap malformed = projectListed("GW-2026-000123");
    assertThat(refusedRegistration(malformed).get("projectReference")).contains("投资项目统一代码");
    VariableMap past = projectListed(newProjectReference());
    past.putValue("expectedApplicationDate", LocalDate.now(ZONE).minusDays(1).toString());
    assertThat(refusedRegistration(past)).containsOnlyKeys("expectedApplicationDate");
    VariableMap notADate = projectListed(newProjectReference());
    notADate.putValue("expectedApplicationDate", "2026-02-30");
    assertThat(refusedRegistration(notADate)).containsOnlyKeys("expectedApplicationDate");
  }

  @Test
  void buildingThePipeAhead_isRefusedWhenThePreSurveyFoundNoPipeOutsideTheRedLine() {
    ProcessInstance project = cases.register(projectListed(newProjectReference()));
    cases.complete(project, PRE_SURVEY_SITE, surveyed(0, false, false));
    cases.complete(project, PRE_DESIGN_SUPPLY_SCHEME, designed(80, 50, 20_000));

    assertThatThrownBy(() -> cases.complete(project, DECIDE_PIPE_AHEAD, pipeAhead(BUILD_AHEAD)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("无需提前建设");
    cases.complete(project, DECIDE_PIPE_AHEAD, pipeAhead(NOT_AHEAD));
    assertThat(project).isWaitingAt(AWAIT_APPLICATION);
  }

  // --- obtainingWater with a project reference ---------------------------------------------------

  @Test
  void applicationNamingAPreDesignedProject_skipsSurveyAndDesign_andTheProjectEndsLinked() {
    String reference = newProjectReference();
    ProcessInstance project = waitingForApplication(reference, NOT_AHEAD);

    ProcessInstance instance = cases.apply(application(reference));
    assertThat(project).isWaitingAt(AWAIT_APPLICATION); // linked only once intake accepted the case
    cases.complete(instance, UserTasks.REVIEW_APPLICATION, accepted());
    // The pre-design's fee (DN150) is quoted; a business within the credit limit pays after water-on (docs/adr/0043).
    assertThat(instance).isWaitingAt(Elements.AWAIT_QUOTE_ACCEPTANCE);
    cases.quoteAccepted(instance, payments);

    // 120 m along a road: a filing (备案) the platform takes, no decision to wait for (docs/adr/0041).
    assertThat(instance).isWaitingAt(UserTasks.BUILD_EXTERNAL_PIPELINE).hasPassed(Elements.ROAD_PERMIT_FILING_ACCEPTED)
        .hasNotPassed(UserTasks.SURVEY_SITE, UserTasks.DESIGN_SUPPLY_SCHEME)
        .variables().containsEntry("preEngagementTakeover", "design").containsEntry("externalPipeLength", 120.0)
        .containsEntry("supplyPipeDn", 150).containsEntry("meterDn", 100).containsEntry("crossesRoad", true);
    assertThat(instance).hasPassed("businessRuleTask_determineFeeTerms", "businessRuleTask_determineRequiredPermits");
    assertThat(project).isEnded().hasPassed(PreEngagementProcess.Elements.END_LINKED);
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(project.getId())
        .variableName(CaseVariables.LINKED_APPLICATION_NUMBER.name()).singleResult().getValue())
        .isEqualTo(instance.getBusinessKey());

    cases.complete(instance, UserTasks.BUILD_EXTERNAL_PIPELINE, pipelineBuilt());
    cases.complete(instance, UserTasks.INSTALL_METER, meterInstalled(100));
    cases.complete(instance, UserTasks.CALL_BACK_CUSTOMER, calledBack(5, "提前查勘设计，报装后很快通水"));
    cases.paid(instance, payments, "4200000101");
    cases.contractSigned(instance, contracts);
    assertThat(instance).isEnded().hasPassed(Elements.END_WATER_CONNECTED);
    assertThat(stages(instance)).contains(Stage.INTAKE, Stage.PERMITS, Stage.CONSTRUCTION, Stage.METERING)
        .doesNotContain(Stage.SURVEY, Stage.DESIGN);
  }

  @Test
  void applicationNamingAProjectWithThePipeBuiltAhead_goesFromIntakeStraightToTheMeter() {
    String reference = newProjectReference();
    waitingForApplication(reference, BUILD_AHEAD);

    ProcessInstance instance = cases.apply(application(reference));
    cases.complete(instance, UserTasks.REVIEW_APPLICATION, accepted());
    // The pipe was built at the utility's cost; the works inside the red line are quoted all the same (docs/adr/0043).
    assertThat(instance).isWaitingAt(Elements.AWAIT_QUOTE_ACCEPTANCE);
    assertThat(payments.find(instance.getBusinessKey()).orElseThrow().amount()).isEqualByComparingTo("86000");
    cases.quoteAccepted(instance, payments);

    assertThat(instance).isWaitingAt(UserTasks.INSTALL_METER)
        .hasNotPassed(UserTasks.SURVEY_SITE, UserTasks.DESIGN_SUPPLY_SCHEME, Elements.ROAD_PERMIT,
            Elements.ISSUE_WORK_ORDER, UserTasks.BUILD_EXTERNAL_PIPELINE)
        .variables().containsEntry("preEngagementTakeover", "pipeBuilt").containsEntry("pressureTestResult", "passed")
        .containsEntry("meterDn", 100).containsKey("feeWaived");
    CaseView status = customerCases.status(instance.getBusinessKey(), "13812345678");
    assertThat(status.record().stage()).isEqualTo(Stage.METERING);
    assertThat(status.preEngagement()).hasValueSatisfying(link -> {
      assertThat(link.projectReference()).isEqualTo(reference);
      assertThat(link.skippedStages()).containsExactly(Stage.SURVEY, Stage.DESIGN, Stage.PERMITS, Stage.CONSTRUCTION);
    });

    cases.complete(instance, UserTasks.INSTALL_METER, meterInstalled(100));
    cases.complete(instance, UserTasks.CALL_BACK_CUSTOMER, calledBack(5, "申请后第二天就通水"));
    cases.paid(instance, payments, "4200000102");
    cases.contractSigned(instance, contracts);
    assertThat(instance).isEnded().hasPassed(Elements.END_WATER_CONNECTED);
    assertThat(stages(instance)).containsExactly(Stage.RECEIVED, Stage.INTAKE, Stage.PAYMENT, Stage.METERING,
        Stage.WATER_ON, Stage.CALLBACK)
        .doesNotContain(Stage.SURVEY, Stage.DESIGN, Stage.PERMITS, Stage.CONSTRUCTION);
  }

  @Test
  void applicationNamingAProjectStillInPreDesign_goesTheNormalWay_andThePreDesignStops() {
    String reference = newProjectReference();
    ProcessInstance project = cases.register(projectListed(reference));
    cases.complete(project, PRE_SURVEY_SITE, surveyed(120, true, false));
    assertThat(project).isWaitingAt(PRE_DESIGN_SUPPLY_SCHEME);

    ProcessInstance instance = cases.apply(application(reference));
    cases.complete(instance, UserTasks.REVIEW_APPLICATION, accepted());

    assertThat(instance).isWaitingAt(UserTasks.SURVEY_SITE).variables().containsEntry("preEngagementTakeover", "none")
        .doesNotContainKey("externalPipeLength");
    assertThat(project).isEnded().hasPassed(PreEngagementProcess.Elements.END_LINKED);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(project.getId()).count())
        .as("nobody designs the project twice").isZero();
    assertThat(customerCases.status(instance.getBusinessKey(), "13812345678").preEngagement())
        .hasValueSatisfying(link -> assertThat(link.skippedStages()).isEmpty());
  }

  @Test
  void projectClosedAfterTheCustomerApplied_theCaseGoesTheNormalWay() {
    String reference = newProjectReference();
    ProcessInstance project = waitingForApplication(reference, NOT_AHEAD);
    ProcessInstance instance = cases.apply(application(reference));
    cases.complete(project, AWAIT_APPLICATION, projectClosed("建设单位变更，项目重新立项"));

    cases.complete(instance, UserTasks.REVIEW_APPLICATION, accepted());

    assertThat(instance).isWaitingAt(UserTasks.SURVEY_SITE).variables().containsEntry("preEngagementTakeover", "none");
    assertThat(project).isEnded().hasPassed(PreEngagementProcess.Elements.END_CLOSED);
  }

  @Test
  void applicationWithoutAReference_goesTheNormalWay() {
    ProcessInstance instance = cases.apply(application());
    cases.complete(instance, UserTasks.REVIEW_APPLICATION, accepted());

    assertThat(instance).isWaitingAt(UserTasks.SURVEY_SITE).hasPassed(Elements.LINK_PRE_ENGAGEMENT)
        .variables().containsEntry("preEngagementTakeover", "none");
    assertThat(customerCases.status(instance.getBusinessKey(), "13812345678").preEngagement()).isEmpty();
  }

  @Test
  void applicationNamingAnUnknownAClosedOrALinkedProject_isRefusedAtTheDoor_withTheReason() {
    assertThat(refusedApplication(newProjectReference())).contains("没有编号为");
    assertThat(refusedApplication("2026-4302")).contains("格式不正确");

    String closed = newProjectReference();
    ProcessInstance project = waitingForApplication(closed, NOT_AHEAD);
    cases.complete(project, AWAIT_APPLICATION, projectClosed("项目取消"));
    assertThat(refusedApplication(closed)).contains("已关闭");

    String linked = newProjectReference();
    waitingForApplication(linked, NOT_AHEAD);
    cases.complete(cases.apply(application(linked)), UserTasks.REVIEW_APPLICATION, accepted());
    assertThat(refusedApplication(linked)).contains("已关联另一件报装申请");
  }

  // --- helpers --------------------------------------------------------------------------------------

  ProcessInstance waitingForApplication(String reference, String pipeAheadDecision) {
    return cases.projectWaitingForApplication(reference, pipeAheadDecision);
  }

  Map<String, String> refusedRegistration(VariableMap project) {
    try {
      cases.register(project);
    } catch (InvalidInputException refused) {
      return refused.problems();
    }
    throw new AssertionError("registration was not refused: " + project);
  }

  String refusedApplication(String reference) {
    try {
      cases.apply(application(reference));
    } catch (InvalidInputException refused) {
      assertThat(refused.problems()).containsOnlyKeys("projectReference");
      return refused.problems().get("projectReference");
    }
    throw new AssertionError("application with " + reference + " was not refused");
  }

  List<Stage> stages(ProcessInstance instance) {
    return records.history(instance.getBusinessKey()).stream().map(StageEntry::stage).toList();
  }
}
