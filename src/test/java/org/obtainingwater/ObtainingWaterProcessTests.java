package org.obtainingwater;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.obtainingwater.process.ObtainingWaterProcess.Elements.AWAIT_GREENERY_PERMIT_DECISION;
import static org.obtainingwater.process.ObtainingWaterProcess.Elements.AWAIT_ROAD_PERMIT_DECISION;
import static org.obtainingwater.process.ObtainingWaterProcess.Elements.END_APPLICATION_REJECTED;
import static org.obtainingwater.process.ObtainingWaterProcess.Elements.GREENERY_PERMIT_FILING_ACCEPTED;
import static org.obtainingwater.process.ObtainingWaterProcess.Elements.ROAD_PERMIT_DECISION_NOT_RECEIVED;
import static org.obtainingwater.process.ObtainingWaterProcess.Elements.ROAD_PERMIT_FILING_ACCEPTED;
import static org.obtainingwater.process.ObtainingWaterProcess.Elements.CANCEL_WORK_ORDER;
import static org.obtainingwater.process.ObtainingWaterProcess.Elements.END_APPLICATION_WITHDRAWN;
import static org.obtainingwater.process.ObtainingWaterProcess.Elements.ESCALATE_UNRESOLVED_COMPLAINT;
import static org.obtainingwater.process.ObtainingWaterProcess.Elements.WITHDRAW_PERMIT_FILINGS;
import static org.obtainingwater.process.ObtainingWaterProcess.Elements.END_CONNECTION_NOT_FEASIBLE;
import static org.obtainingwater.process.ObtainingWaterProcess.Elements.END_WATER_CONNECTED;
import static org.obtainingwater.process.ObtainingWaterProcess.Elements.FILE_GREENERY_PERMIT;
import static org.obtainingwater.process.ObtainingWaterProcess.Elements.FILE_ROAD_PERMIT;
import static org.obtainingwater.process.ObtainingWaterProcess.Elements.GREENERY_PERMIT;
import static org.obtainingwater.process.ObtainingWaterProcess.Elements.ISSUE_WORK_ORDER;
import static org.obtainingwater.process.ObtainingWaterProcess.Elements.OPEN_CUSTOMER_ACCOUNT;
import static org.obtainingwater.process.ObtainingWaterProcess.Elements.ROAD_PERMIT;
import static org.obtainingwater.process.ObtainingWaterProcess.Elements.AWAIT_CREDIT_PAYMENT;
import static org.obtainingwater.process.ObtainingWaterProcess.Elements.AWAIT_PAYMENT;
import static org.obtainingwater.process.ObtainingWaterProcess.Elements.AWAIT_QUOTE_ACCEPTANCE;
import static org.obtainingwater.process.ObtainingWaterProcess.Elements.CREDIT_PAYMENT_OVERDUE;
import static org.obtainingwater.process.ObtainingWaterProcess.Elements.DETERMINE_PAYMENT_TIMING;
import static org.obtainingwater.process.ObtainingWaterProcess.Elements.ISSUE_QUOTE;
import static org.obtainingwater.process.ObtainingWaterProcess.Elements.PAYMENT_REMINDER;
import static org.obtainingwater.process.ObtainingWaterProcess.Elements.REMIND_CREDIT_PAYMENT;
import static org.obtainingwater.process.ObtainingWaterProcess.Elements.REMIND_PAYMENT;
import static org.obtainingwater.process.ObtainingWaterProcess.Elements.SEND_QUOTE;
import static org.obtainingwater.process.ObtainingWaterProcess.Elements.AWAIT_CONTRACT_SIGNATURE;
import static org.obtainingwater.process.ObtainingWaterProcess.Elements.CONTRACT_SIGNED;
import static org.obtainingwater.process.ObtainingWaterProcess.Elements.CONTRACT_SIGNING_REMINDER;
import static org.obtainingwater.process.ObtainingWaterProcess.Elements.CONTRACT_UNSIGNED;
import static org.obtainingwater.process.ObtainingWaterProcess.Elements.REMIND_CONTRACT_SIGNING;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.FOLLOW_UP_CONTRACT_SIGNING;
import static org.obtainingwater.support.TestCases.residentialApplication;
import static org.obtainingwater.process.ObtainingWaterProcess.MESSAGE_APPLICATION_WITHDRAWN;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.BUILD_EXTERNAL_PIPELINE;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.CALL_BACK_CUSTOMER;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.DESIGN_SUPPLY_SCHEME;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.INSTALL_METER;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.RECORD_GREENERY_PERMIT_DECISION;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.RECORD_ROAD_PERMIT_DECISION;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.RECTIFY_SERVICE;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.REVIEW_APPLICATION;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.REVISE_GREENERY_PERMIT_APPLICATION;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.REVISE_ROAD_PERMIT_APPLICATION;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.SURVEY_SITE;
import static org.obtainingwater.support.TestCases.accepted;
import static org.obtainingwater.support.TestCases.application;
import static org.obtainingwater.support.TestCases.calledBack;
import static org.obtainingwater.support.TestCases.unreachable;
import static org.obtainingwater.support.TestCases.designed;
import static org.obtainingwater.support.TestCases.meterInstalled;
import static org.obtainingwater.support.TestCases.notFeasible;
import static org.obtainingwater.support.TestCases.permitApproved;
import static org.obtainingwater.support.TestCases.permitRejected;
import static org.obtainingwater.support.TestCases.permitRevised;
import static org.obtainingwater.support.TestCases.pipelineBuilt;
import static org.obtainingwater.support.TestCases.pressureTestFailed;
import static org.obtainingwater.support.TestCases.rectified;
import static org.obtainingwater.support.TestCases.rejected;
import static org.obtainingwater.support.TestCases.surveyed;
import static org.obtainingwater.support.TestCases.vars;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.obtainingwater.cases.CaseRecords;
import org.obtainingwater.cases.RequestRefusedException;
import org.obtainingwater.cases.StageEntry;
import org.obtainingwater.contract.ContractSignature;
import org.obtainingwater.contract.SupplyContracts;
import org.obtainingwater.payment.PaymentOrder;
import org.obtainingwater.payment.Payments;
import org.obtainingwater.payment.Quote;
import org.obtainingwater.process.ObtainingWaterProcess;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.obtainingwater.adapters.RecordingBillingSystem;
import org.obtainingwater.adapters.RecordingPermitAuthority;
import org.obtainingwater.construction.WorkOrders;
import org.obtainingwater.permits.FiledPermit;
import org.obtainingwater.permits.PermitFilings;
import org.obtainingwater.permits.PermitWithdrawal;
import org.obtainingwater.adapters.RecordingSupervisorNotifier;
import org.obtainingwater.cases.Stage;
import org.obtainingwater.notification.Notice;
import org.obtainingwater.notification.NoticeType;
import org.obtainingwater.notification.NotificationOutbox;
import org.obtainingwater.permits.PermitFiling;
import org.obtainingwater.permits.PermitKind;
import org.obtainingwater.process.CaseVariables;
import org.obtainingwater.process.InvalidInputException;
import org.obtainingwater.sla.CustomerTime;
import org.obtainingwater.sla.OverdueNotice;
import org.obtainingwater.sla.StageTargets;
import org.obtainingwater.sla.WorkingCalendar;
import org.obtainingwater.support.AppOnH2;
import org.obtainingwater.support.CaseDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestExecutionListeners;

/**
 * One test per path through obtainingWater, on the real engine with the real delegates, decision
 * tables and local adapters (H2). The coverage listener fails the class when its tests together
 * cover less than 90 % of the model's flow nodes and sequence flows; the report is written to
 * target/process-test-coverage.
 */
@AppOnH2
// Its own context: the coverage plugin records what the engine runs.
@Import({ProcessEngineCoverageConfiguration.class, ObtainingWaterProcessTests.CoverageThreshold.class})
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class ObtainingWaterProcessTests {

  /** Below this share of the model's flow nodes and sequence flows covered, the build fails. */
  static final double MINIMUM_MODEL_COVERAGE = 0.9;

  @TestConfiguration(proxyBeanMethods = false)
  static class CoverageThreshold {
    @Bean
    @Primary
    ProcessEngineCoverageProperties processEngineCoverageProperties() {
      return ProcessEngineCoverageProperties.Companion.builder().assertClassCoverageAtLeast(MINIMUM_MODEL_COVERAGE).build();
    }
  }

  @Autowired
  ProcessEngine engine;
  @Autowired
  NotificationOutbox notifier;
  @Autowired
  RecordingPermitAuthority permitAuthority;
  @Autowired
  PermitFilings permitFilings;
  @Autowired
  WorkOrders workOrders;
  @Autowired
  RecordingBillingSystem billing;
  @Autowired
  WorkingCalendar workingCalendar;
  @Autowired
  StageTargets stageTargets;
  @Autowired
  RecordingSupervisorNotifier supervisorNotices;
  @Autowired
  Payments payments;
  @Autowired
  CaseRecords records;
  @Autowired
  SupplyContracts contracts;
  @Autowired
  CustomerTime customerTime;

  CaseDriver cases;

  @BeforeEach
  void initAssertions() {
    AbstractAssertions.init(engine);
    cases = new CaseDriver(engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void newApplication_getsANumberAsBusinessKey_andTheCustomerIsToldAtOnce() {
    ProcessInstance instance = cases.apply(application());

    assertThat(instance.getBusinessKey()).matches("GW-\\d{4}-\\d{6}");
    assertThat(instance).isWaitingAt(REVIEW_APPLICATION).hasVariables(CaseVariables.APPLICATION_NUMBER.name());
    assertThat(runtime().getVariable(instance.getId(), CaseVariables.APPLICATION_NUMBER.name()))
        .isEqualTo(instance.getBusinessKey());
    assertThat(noticesOf(instance)).extracting(Notice::type).containsExactly(NoticeType.APPLICATION_RECEIVED);
    assertThat(noticesOf(instance).get(0).text()).contains(instance.getBusinessKey());
    assertThat(noticesOf(instance).get(0).phone()).isEqualTo("13812345678");
  }

  @Test
  void twoApplications_neverShareANumber() {
    ProcessInstance first = cases.apply(application());
    ProcessInstance second = cases.apply(application());

    assertThat(first.getBusinessKey()).isNotEqualTo(second.getBusinessKey());
  }

  @Test
  void happyPathWithBothPermits_connectsTheCustomerAndClosesTheCase() {
    ProcessInstance instance = throughDesign(surveyed(180, true, true), designed(80, 50, 26_000));

    cases.permitDecided(instance, PermitKind.ROAD, permitApproved("株建占字〔2026〕101号"));
    cases.permitDecided(instance, PermitKind.GREENERY, permitApproved("株园林许〔2026〕7号"));
    cases.complete(instance, BUILD_EXTERNAL_PIPELINE, pipelineBuilt());
    cases.complete(instance, INSTALL_METER, meterInstalled(50));
    cases.complete(instance, CALL_BACK_CUSTOMER, calledBack(5, "很满意，两天就通水了"));

    cases.contractSigned(instance, contracts);
    assertThat(instance).isEnded().hasPassed(END_WATER_CONNECTED);
    String number = instance.getBusinessKey();
    assertThat(historicVariable(instance, CaseVariables.CASE_OUTCOME.name())).isEqualTo("connected");
    assertThat(historicVariable(instance, CaseVariables.ROAD_PERMIT_NUMBER.name())).isEqualTo("株建占字〔2026〕101号");
    assertThat(historicVariable(instance, CaseVariables.GREENERY_PERMIT_NUMBER.name())).isEqualTo("株园林许〔2026〕7号");
    assertThat(historicVariable(instance, CaseVariables.WORK_ORDER_NUMBER.name())).isEqualTo("SG" + number.substring(2));
    assertThat(historicVariable(instance, CaseVariables.SUPPLY_CONTRACT_NUMBER.name())).isEqualTo("GS" + number.substring(2));
    assertThat(historicVariable(instance, CaseVariables.CUSTOMER_ACCOUNT_NUMBER.name())).isEqualTo(billing.accountFor(number).orElseThrow());
    assertThat(noticesOf(instance)).extracting(Notice::type)
        .containsExactly(NoticeType.APPLICATION_RECEIVED, NoticeType.WATER_ON);
    assertThat(permitAuthority.filingsFor(number)).extracting(PermitFiling::kind)
        .containsExactlyInAnyOrder(PermitKind.ROAD, PermitKind.GREENERY);
    assertThat(permitAuthority.filingsFor(number)).extracting(PermitFiling::procedure).containsOnly("permit");
  }

  @Test
  void bothPermitsRunAtTheSameTime_andConstructionWaitsForTheSecondDecision() {
    ProcessInstance instance = throughDesign(surveyed(180, true, true), designed(80, 50, 26_000));

    // Both wait for the platform; the permit agent has nothing to do meanwhile (docs/adr/0041).
    assertThat(instance).isWaitingAt(AWAIT_ROAD_PERMIT_DECISION, AWAIT_GREENERY_PERMIT_DECISION);
    assertThat(openTaskKeys(instance)).isEmpty();
    assertThat(permitAuthority.filingsFor(instance.getBusinessKey())).extracting(PermitFiling::procedure).containsOnly("permit");

    cases.permitDecided(instance, PermitKind.ROAD, permitApproved("株建占字〔2026〕102号"));
    assertThat(instance).hasNotPassed(ISSUE_WORK_ORDER).isWaitingAt(AWAIT_GREENERY_PERMIT_DECISION);

    cases.permitDecided(instance, PermitKind.GREENERY, permitApproved("株园林许〔2026〕8号"));
    assertThat(instance).hasPassed(ISSUE_WORK_ORDER).isWaitingAt(BUILD_EXTERNAL_PIPELINE);
  }

  /** Short works (备案/告知承诺, the decision table's {@code filing}): once the platform took the filing, construction. */
  @Test
  void aFilingOnlyProcedure_goesOnToConstructionOnceFiled_withoutWaitingForADecision() {
    ProcessInstance instance = throughDesign(surveyed(120, true, true), designed(80, 50, 26_000));

    assertThat(instance).hasPassed(ROAD_PERMIT_FILING_ACCEPTED, GREENERY_PERMIT_FILING_ACCEPTED, ISSUE_WORK_ORDER)
        .hasNotPassed(AWAIT_ROAD_PERMIT_DECISION, AWAIT_GREENERY_PERMIT_DECISION, RECORD_ROAD_PERMIT_DECISION,
            RECORD_GREENERY_PERMIT_DECISION)
        .isWaitingAt(BUILD_EXTERNAL_PIPELINE);
    assertThat(permitAuthority.filingsFor(instance.getBusinessKey())).extracting(PermitFiling::procedure)
        .containsExactly("filing", "filing");
    assertThat(permitFilings.filingsFor(instance.getBusinessKey())).extracting(FiledPermit::reference)
        .allSatisfy(reference -> assertThat(reference).isNotBlank());
    assertThat(runtime().createEventSubscriptionQuery().processInstanceId(instance.getId()).eventName(
        PermitKind.ROAD.decisionMessage()).count()).as("nothing waits for a decision").isZero();
    assertThat(historicVariable(instance, CaseVariables.ROAD_PERMIT_NUMBER.name())).as("a filing has no permit number")
        .isNull();

    cases.complete(instance, BUILD_EXTERNAL_PIPELINE, pipelineBuilt());
    finishFromMeter(instance);
    cases.contractSigned(instance, contracts);
    assertThat(instance).isEnded().hasPassed(END_WATER_CONNECTED);
  }

  /** The platform is silent for a working day: the permit agent's task appears, and the agent's record decides. */
  @Test
  void thePlatformSilentForAWorkingDay_thePermitAgentRecordsTheDecision() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-27T06:00:00Z"))); // Friday 14:00 in Shanghai
    ProcessInstance instance = throughDesign(surveyed(180, true, false), designed(80, 50, 26_000));
    Job fallback = cases.timer(instance, ROAD_PERMIT_DECISION_NOT_RECEIVED);
    assertThat(fallback.getDuedate()).as("one working day: the weekend does not count")
        .isEqualTo(Date.from(Instant.parse("2026-11-30T06:00:00Z")));

    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-30T05:59:00Z")));
    cases.executeJobs(instance);
    assertThat(instance).isWaitingAt(AWAIT_ROAD_PERMIT_DECISION);
    assertThat(openTaskKeys(instance)).isEmpty();

    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-30T06:01:00Z")));
    cases.executeJobs(instance);
    assertThat(instance).hasPassed(ROAD_PERMIT_DECISION_NOT_RECEIVED).isWaitingAt(RECORD_ROAD_PERMIT_DECISION);
    assertThat(runtime().createEventSubscriptionQuery().processInstanceId(instance.getId())
        .eventName(PermitKind.ROAD.decisionMessage()).count()).as("the wait ended").isZero();
    assertThat(tasks().getIdentityLinksForTask(cases.task(instance, RECORD_ROAD_PERMIT_DECISION).getId()))
        .extracting(link -> link.getGroupId()).containsExactly("permits");

    cases.complete(instance, RECORD_ROAD_PERMIT_DECISION, permitApproved("株建占字〔2026〕131号"));
    assertThat(instance).isWaitingAt(BUILD_EXTERNAL_PIPELINE);
    assertThat(historicVariable(instance, CaseVariables.ROAD_PERMIT_NUMBER.name())).isEqualTo("株建占字〔2026〕131号");
    assertThat(permitFilings.filingsFor(instance.getBusinessKey())).singleElement()
        .satisfies(filing -> assertThat(filing.decidedVia()).isEqualTo(PermitFilings.VIA_TASKLIST));
  }

  /** The platform's decision arrives as the permit's message: recorded as the platform's, the case goes on. */
  @Test
  void thePlatformsDecision_endsTheWait_andIsRecordedAsThePlatforms() {
    ProcessInstance instance = throughDesign(surveyed(180, true, false), designed(80, 50, 26_000));
    assertThat(cases.timer(instance, ROAD_PERMIT_DECISION_NOT_RECEIVED)).isNotNull();

    cases.permitDecided(instance, PermitKind.ROAD, permitRejected("占道时段需避开早晚高峰"));

    assertThat(instance).hasPassed(AWAIT_ROAD_PERMIT_DECISION).hasNotPassed(RECORD_ROAD_PERMIT_DECISION)
        .isWaitingAt(REVISE_ROAD_PERMIT_APPLICATION);
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers().list())
        .extracting(this::activityOf).doesNotContain(ROAD_PERMIT_DECISION_NOT_RECEIVED);
    assertThat(permitFilings.filingsFor(instance.getBusinessKey())).singleElement().satisfies(filing -> {
      assertThat(filing.decision()).isEqualTo("rejected");
      assertThat(filing.rejectionReason()).isEqualTo("占道时段需避开早晚高峰");
      assertThat(filing.decidedVia()).isEqualTo(PermitFilings.VIA_PLATFORM);
    });
  }

  @Test
  void bothPermitDecisionsRecordedAtTheSameMoment_areBothApplied_andConstructionStartsOnce() throws Exception {
    ProcessInstance instance = throughDesign(surveyed(180, true, true), designed(80, 50, 26_000));
    cases.platformSilent(instance, PermitKind.ROAD);
    cases.platformSilent(instance, PermitKind.GREENERY);
    Task road = cases.task(instance, RECORD_ROAD_PERMIT_DECISION);
    Task greenery = cases.task(instance, RECORD_GREENERY_PERMIT_DECISION);
    CyclicBarrier together = new CyclicBarrier(2);
    ExecutorService agents = Executors.newFixedThreadPool(2);
    try {
      Future<?> first = agents.submit(() -> {
        together.await();
        tasks().complete(road.getId(), permitApproved("株建占字〔2026〕105号"));
        return null;
      });
      Future<?> second = agents.submit(() -> {
        together.await();
        tasks().complete(greenery.getId(), permitApproved("株园林许〔2026〕10号"));
        return null;
      });
      first.get(30, TimeUnit.SECONDS);
      second.get(30, TimeUnit.SECONDS);
    } finally {
      agents.shutdownNow();
    }
    cases.executeJobs(instance);

    assertThat(instance).isWaitingAt(BUILD_EXTERNAL_PIPELINE);
    assertThat(historicActivityCount(instance, ISSUE_WORK_ORDER)).isEqualTo(1);
    assertThat(historicVariable(instance, CaseVariables.ROAD_PERMIT_NUMBER.name())).isEqualTo("株建占字〔2026〕105号");
    assertThat(historicVariable(instance, CaseVariables.GREENERY_PERMIT_NUMBER.name())).isEqualTo("株园林许〔2026〕10号");
  }

  @Test
  void noExternalWorks_goesStraightToMeterInstallation() {
    ProcessInstance instance = throughDesign(surveyed(0, false, false), designed(50, 50, 8_000));

    assertThat(instance).isWaitingAt(INSTALL_METER)
        .hasNotPassed(ROAD_PERMIT, GREENERY_PERMIT, ISSUE_WORK_ORDER, BUILD_EXTERNAL_PIPELINE);
    assertThat(historicVariable(instance, CaseVariables.FEE_WAIVED.name())).isEqualTo(true);
    assertThat(historicVariable(instance, CaseVariables.CUSTOMER_FEE.name())).isEqualTo(0.0);

    finishFromMeter(instance);
    cases.contractSigned(instance, contracts);
    assertThat(instance).isEnded().hasPassed(END_WATER_CONNECTED);
  }

  @Test
  void externalWorksCrossingNothing_isBuiltWithoutPermits() {
    ProcessInstance instance = throughDesign(surveyed(60, false, false), designed(80, 50, 12_000));

    assertThat(instance).hasNotPassed(ROAD_PERMIT, GREENERY_PERMIT).isWaitingAt(BUILD_EXTERNAL_PIPELINE);
    assertThat(permitAuthority.filingsFor(instance.getBusinessKey())).isEmpty();
  }

  @Test
  void onlyARoadCrossed_filesOnlyTheRoadPermit() {
    ProcessInstance instance = throughDesign(surveyed(180, true, false), designed(80, 50, 26_000));

    assertThat(instance).isWaitingAt(AWAIT_ROAD_PERMIT_DECISION).hasNotPassed(GREENERY_PERMIT);
    cases.permitDecided(instance, PermitKind.ROAD, permitApproved("株建占字〔2026〕103号"));

    assertThat(instance).isWaitingAt(BUILD_EXTERNAL_PIPELINE);
    assertThat(permitAuthority.filingsFor(instance.getBusinessKey())).extracting(PermitFiling::kind)
        .containsExactly(PermitKind.ROAD);
  }

  @Test
  void rejectedPermit_isRevisedAndFiledAgain_untilApproved() {
    ProcessInstance instance = throughDesign(surveyed(180, false, true), designed(80, 50, 26_000));

    cases.permitDecided(instance, PermitKind.GREENERY, permitRejected("缺少绿化恢复方案"));
    cases.complete(instance, REVISE_GREENERY_PERMIT_APPLICATION, permitRevised("补充绿化恢复方案"));
    cases.permitDecided(instance, PermitKind.GREENERY, permitRejected("恢复方案苗木规格不符"));
    cases.complete(instance, REVISE_GREENERY_PERMIT_APPLICATION, permitRevised("按园林局意见调整苗木规格"));
    String third = runtime().createExecutionQuery().processInstanceId(instance.getId())
        .activityId(AWAIT_GREENERY_PERMIT_DECISION).singleResult().getId();
    assertThat(runtime().getVariable(third, CaseVariables.PERMIT_DECISION.name()))
        .as("a resubmission is decided afresh").isNull();
    assertThat(runtime().getVariable(third, CaseVariables.PERMIT_REJECTION_REASON.name()))
        .as("no stale reason for the next rejection").isNull();
    cases.permitDecided(instance, PermitKind.GREENERY, permitApproved("株园林许〔2026〕9号"));

    assertThat(instance).isWaitingAt(BUILD_EXTERNAL_PIPELINE);
    List<PermitFiling> filings = permitAuthority.filingsFor(instance.getBusinessKey());
    assertThat(filings).hasSize(3).extracting(PermitFiling::revisionNote)
        .containsExactly(null, "补充绿化恢复方案", "按园林局意见调整苗木规格");
    assertThat(historicVariable(instance, CaseVariables.GREENERY_PERMIT_NUMBER.name())).isEqualTo("株园林许〔2026〕9号");
    assertThat(historicActivityCount(instance, FILE_GREENERY_PERMIT)).isEqualTo(3);
    assertThat(historicActivityCount(instance, FILE_ROAD_PERMIT)).isZero();
  }

  @Test
  void failedPressureTest_sendsTheWorkBackBeforeTheMeterIsFitted() {
    ProcessInstance instance = throughDesign(surveyed(60, false, false), designed(80, 50, 12_000));

    cases.complete(instance, BUILD_EXTERNAL_PIPELINE, pressureTestFailed("接口渗漏，重做 3 处接口"));
    assertThat(instance).isWaitingAt(BUILD_EXTERNAL_PIPELINE).hasNotPassed(INSTALL_METER);

    cases.complete(instance, BUILD_EXTERNAL_PIPELINE, pipelineBuilt());
    assertThat(instance).isWaitingAt(INSTALL_METER);
    assertThat(historicActivityCount(instance, BUILD_EXTERNAL_PIPELINE)).isEqualTo(2);
  }

  @Test
  void rejectedAtIntake_tellsTheCustomerWhy_andEnds() {
    ProcessInstance instance = cases.apply(application());

    cases.complete(instance, REVIEW_APPLICATION, rejected("用水地址不在本公司供水服务区域内"));

    assertThat(instance).isEnded().hasPassed(END_APPLICATION_REJECTED).hasNotPassed(SURVEY_SITE);
    Notice told = noticesOf(instance).get(1);
    assertThat(told.type()).isEqualTo(NoticeType.APPLICATION_REJECTED);
    assertThat(told.text()).contains("用水地址不在本公司供水服务区域内");
  }

  @Test
  void notFeasibleAtSurvey_tellsTheCustomer_andEnds() {
    ProcessInstance instance = cases.apply(application());
    cases.complete(instance, REVIEW_APPLICATION, accepted());

    cases.complete(instance, SURVEY_SITE, notFeasible("周边无市政供水管网，预计 2027 年敷设"));

    assertThat(instance).isEnded().hasPassed(END_CONNECTION_NOT_FEASIBLE).hasNotPassed(DESIGN_SUPPLY_SCHEME);
    assertThat(noticesOf(instance)).extracting(Notice::type)
        .containsExactly(NoticeType.APPLICATION_RECEIVED, NoticeType.CONNECTION_NOT_FEASIBLE);
    assertThat(noticesOf(instance).get(1).text()).contains("周边无市政供水管网");
  }

  @Test
  void stillDissatisfiedAfterTwoRectifications_goesToTheSupervisor_andTheCaseCloses() {
    ProcessInstance instance = throughDesign(surveyed(0, false, false), designed(50, 50, 8_000));
    cases.complete(instance, INSTALL_METER, meterInstalled(50));

    cases.complete(instance, CALL_BACK_CUSTOMER, calledBack(2, "装表后水压不足"));
    cases.complete(instance, RECTIFY_SERVICE, rectified("调整表前阀门"));
    cases.complete(instance, CALL_BACK_CUSTOMER, calledBack(2, "水压仍不足"));
    cases.complete(instance, RECTIFY_SERVICE, rectified("更换减压阀"));
    cases.complete(instance, CALL_BACK_CUSTOMER, calledBack(1, "还是不行"));
    cases.executeJobs(instance);

    cases.contractSigned(instance, contracts);
    assertThat(instance).isEnded().hasPassed(ESCALATE_UNRESOLVED_COMPLAINT, END_WATER_CONNECTED);
    assertThat(historicActivityCount(instance, RECTIFY_SERVICE)).as("two rounds, no third").isEqualTo(2);
    assertThat(supervisorNotices.complaintNoticesFor(instance.getBusinessKey())).singleElement().satisfies(notice -> {
      assertThat(notice.rounds()).isEqualTo(2);
      assertThat(notice.lastScore()).isEqualTo(1);
      assertThat(notice.text()).contains(instance.getBusinessKey()).contains("2 轮整改");
    });
  }

  @Test
  void customerUnreachableThreeTimes_theCaseClosesWithoutAScore() {
    ProcessInstance instance = throughDesign(surveyed(0, false, false), designed(50, 50, 8_000));
    cases.complete(instance, INSTALL_METER, meterInstalled(50));

    cases.complete(instance, CALL_BACK_CUSTOMER, unreachable("无人接听"));
    assertThat(instance).as("called again").isWaitingAt(CALL_BACK_CUSTOMER);
    cases.complete(instance, CALL_BACK_CUSTOMER, unreachable("关机"));
    assertThat(instance).isWaitingAt(CALL_BACK_CUSTOMER);
    cases.complete(instance, CALL_BACK_CUSTOMER, unreachable("无人接听"));

    cases.contractSigned(instance, contracts);
    assertThat(instance).isEnded().hasPassed(END_WATER_CONNECTED).hasNotPassed(RECTIFY_SERVICE);
    assertThat(historicActivityCount(instance, CALL_BACK_CUSTOMER)).isEqualTo(3);
    assertThat(historicVariable(instance, CaseVariables.UNREACHABLE_CALLS.name())).isEqualTo(3);
    assertThat(historicVariable(instance, CaseVariables.CALLBACK_RESULT.name())).isEqualTo("unreachable");
    assertThat(history().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(CaseVariables.SATISFACTION_SCORE.name()).count()).as("no score was given").isZero();
  }

  @Test
  void customerUnreachableOnce_isCalledAgain_andTheScoreDecidesAsBefore() {
    ProcessInstance instance = throughDesign(surveyed(0, false, false), designed(50, 50, 8_000));
    cases.complete(instance, INSTALL_METER, meterInstalled(50));

    cases.complete(instance, CALL_BACK_CUSTOMER, unreachable("占线"));
    cases.complete(instance, CALL_BACK_CUSTOMER, calledBack(5, "满意"));

    cases.contractSigned(instance, contracts);
    assertThat(instance).isEnded().hasPassed(END_WATER_CONNECTED).hasNotPassed(RECTIFY_SERVICE);
    assertThat(historicActivityCount(instance, CALL_BACK_CUSTOMER)).isEqualTo(2);
    assertThat(historicVariable(instance, CaseVariables.CALLBACK_RESULT.name())).isEqualTo("reached");
    assertThat(historicVariable(instance, CaseVariables.UNREACHABLE_CALLS.name())).isEqualTo(1);
  }

  @Test
  void aCallbackResultThatIsNeitherReachedNorUnreachable_isRefusedWithTheFieldNamed() {
    ProcessInstance instance = throughDesign(surveyed(0, false, false), designed(50, 50, 8_000));
    cases.complete(instance, INSTALL_METER, meterInstalled(50));
    Task task = cases.task(instance, CALL_BACK_CUSTOMER);

    assertThatThrownBy(() -> tasks().complete(task.getId(), vars().with(CaseVariables.CALLBACK_RESULT, "busy").map()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("回访结果")
        .satisfies(e -> assertThat(((InvalidInputException) e).problems()).containsOnlyKeys("callbackResult"));
    assertThat(instance).isWaitingAt(CALL_BACK_CUSTOMER);
  }

  @Test
  void dissatisfiedCallback_isRectifiedBySupervisors_andTheCustomerIsCalledAgain() {
    ProcessInstance instance = throughDesign(surveyed(0, false, false), designed(50, 50, 8_000));
    cases.complete(instance, INSTALL_METER, meterInstalled(50));

    cases.complete(instance, CALL_BACK_CUSTOMER, calledBack(2, "施工后路面未恢复"));
    assertThat(instance).isWaitingAt(RECTIFY_SERVICE);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskCandidateGroup("supervisors").count()).isEqualTo(1);

    cases.complete(instance, RECTIFY_SERVICE, rectified("已安排路面恢复并致歉"));
    assertThat(instance).isWaitingAt(CALL_BACK_CUSTOMER);
    cases.complete(instance, CALL_BACK_CUSTOMER, calledBack(4, "路面已恢复"));

    cases.contractSigned(instance, contracts);
    assertThat(instance).isEnded().hasPassed(END_WATER_CONNECTED);
    assertThat(historicActivityCount(instance, CALL_BACK_CUSTOMER)).isEqualTo(2);
  }

  @Test
  void withdrawalWhilePermitsArePending_cancelsAllOpenWork_andTellsTheCustomer() {
    ProcessInstance instance = throughDesign(surveyed(180, true, true), designed(80, 50, 26_000));
    assertThat(instance).isWaitingAt(AWAIT_ROAD_PERMIT_DECISION, AWAIT_GREENERY_PERMIT_DECISION);

    runtime().createMessageCorrelation(MESSAGE_APPLICATION_WITHDRAWN)
        .processInstanceBusinessKey(instance.getBusinessKey())
        .setVariable(CaseVariables.WITHDRAWAL_REASON.name(), "项目延期")
        .correlate();
    cases.executeJobs(instance);

    assertThat(instance).isEnded().hasPassed(END_APPLICATION_WITHDRAWN).hasNotPassed(ISSUE_WORK_ORDER);
    assertThat(tasks().createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
    assertThat(history().createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).canceled().list())
        .extracting(activity -> activity.getActivityId())
        .contains(AWAIT_ROAD_PERMIT_DECISION, AWAIT_GREENERY_PERMIT_DECISION);
    assertThat(runtime().createEventSubscriptionQuery().processInstanceId(instance.getId()).count()).isZero();
    Notice last = noticesOf(instance).get(noticesOf(instance).size() - 1);
    assertThat(last.type()).isEqualTo(NoticeType.APPLICATION_WITHDRAWN);
    // The reason is the caller's free text: it stays in the case and never goes out in an SMS (issue 14).
    assertThat(last.text()).contains(instance.getBusinessKey()).doesNotContain("项目延期");
    // Both filings were waiting for the platform: each is withdrawn there once (docs/adr/0031).
    assertThat(permitAuthority.withdrawalsFor(instance.getBusinessKey())).extracting(PermitWithdrawal::kind)
        .containsExactlyInAnyOrder(PermitKind.ROAD, PermitKind.GREENERY);
    assertThat(instance).hasPassedInOrder(WITHDRAW_PERMIT_FILINGS, CANCEL_WORK_ORDER, END_APPLICATION_WITHDRAWN);
  }

  @Test
  void withdrawalDuringConstruction_cancelsTheWorkOrder_andWithdrawsOnlyTheFilingStillUndecided() {
    ProcessInstance instance = throughDesign(surveyed(180, true, true), designed(80, 50, 26_000));
    cases.permitDecided(instance, PermitKind.ROAD, permitRejected("占道时段需避开早晚高峰"));
    cases.permitDecided(instance, PermitKind.GREENERY, permitApproved("株园林许〔2026〕8号"));
    cases.complete(instance, REVISE_ROAD_PERMIT_APPLICATION, permitRevised("改为夜间施工"));
    String number = instance.getBusinessKey();
    assertThat(permitFilings.filingsFor(number)).hasSize(3);

    withdraw(instance);

    assertThat(instance).isEnded().hasPassed(END_APPLICATION_WITHDRAWN);
    assertThat(permitAuthority.withdrawalsFor(number)).as("only the refiled road permit was in flight")
        .extracting(PermitWithdrawal::reference).containsExactly("ZD-" + number + "-2");
    assertThat(permitFilings.filingsFor(number)).filteredOn(FiledPermit::withdrawn).extracting(FiledPermit::reference)
        .containsExactly("ZD-" + number + "-2");
    assertThat(workOrders.forCase(number)).as("none issued yet").isEmpty();

    ProcessInstance building = throughDesign(surveyed(180, true, false), designed(80, 50, 26_000));
    cases.permitDecided(building, PermitKind.ROAD, permitApproved("株建占字〔2026〕120号"));
    assertThat(building).isWaitingAt(BUILD_EXTERNAL_PIPELINE);
    withdraw(building);
    assertThat(building).isEnded().hasPassed(END_APPLICATION_WITHDRAWN);
    assertThat(workOrders.forCase(building.getBusinessKey())).singleElement()
        .satisfies(order -> assertThat(order.cancelled()).as("work order cancelled").isTrue());
    assertThat(permitAuthority.withdrawalsFor(building.getBusinessKey())).as("the permit was granted").isEmpty();
  }

  @Test
  void afterWaterOn_theModelOffersNoWithdrawal() {
    ProcessInstance instance = throughDesign(surveyed(0, false, false), designed(50, 50, 8_000));
    cases.complete(instance, INSTALL_METER, meterInstalled(50));
    assertThat(instance).isWaitingAt(CALL_BACK_CUSTOMER);

    assertThat(runtime().createEventSubscriptionQuery().processInstanceId(instance.getId())
        .eventName(MESSAGE_APPLICATION_WITHDRAWN).count()).isZero();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> runtime()
        .createMessageCorrelation(MESSAGE_APPLICATION_WITHDRAWN).processInstanceId(instance.getId()).correlate())
        .isInstanceOf(org.camunda.bpm.engine.MismatchingMessageCorrelationException.class);
  }

  /**
   * The supply contract after water-on (docs/adr/0046): the case waits for the signature beside the callback and
   * closes when both are done, whichever comes first.
   */
  @Test
  void aContractSignedBeforeTheCallback_endsItsWait_andTheCaseClosesWithTheCallback() {
    ProcessInstance instance = throughDesign(surveyed(0, false, false), designed(50, 50, 8_000));
    cases.complete(instance, INSTALL_METER, meterInstalled(50));
    assertThat(instance).isWaitingAt(CALL_BACK_CUSTOMER, AWAIT_CONTRACT_SIGNATURE);

    cases.contractSigned(instance, contracts);
    assertThat(instance).isWaitingAt(CALL_BACK_CUSTOMER).isNotWaitingAt(AWAIT_CONTRACT_SIGNATURE);
    cases.complete(instance, CALL_BACK_CUSTOMER, calledBack(5, "满意"));
    assertThat(instance).isEnded().hasPassed(AWAIT_CONTRACT_SIGNATURE, END_WATER_CONNECTED)
        .hasNotPassed(REMIND_CONTRACT_SIGNING, FOLLOW_UP_CONTRACT_SIGNING);
  }

  @Test
  void aCallbackDoneWithTheContractUnsigned_keepsTheCaseOpen_remindsAfter2WorkingDays_customerServiceFollowsUpAfter5() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-23T01:00:00Z"))); // Monday 09:00 in Shanghai
    ProcessInstance instance = throughDesign(surveyed(0, false, false), designed(50, 50, 8_000));
    cases.complete(instance, INSTALL_METER, meterInstalled(50));
    cases.complete(instance, CALL_BACK_CUSTOMER, calledBack(5, "满意"));
    assertThat(instance).as("the callback alone does not close the case").isWaitingAt(AWAIT_CONTRACT_SIGNATURE);

    Instant waterOn = ClockUtil.getCurrentTime().toInstant();
    Job reminder = cases.timer(instance, CONTRACT_SIGNING_REMINDER);
    assertThat(reminder.getDuedate().toInstant()).isEqualTo(workingCalendar.add(waterOn, "P2D"));
    ClockUtil.setCurrentTime(Date.from(reminder.getDuedate().toInstant().plus(Duration.ofMinutes(1))));
    cases.executeJobs(instance);
    assertThat(noticesOf(instance)).extracting(Notice::type).contains(NoticeType.CONTRACT_SIGNING_REMINDER);
    assertThat(noticesOf(instance).get(noticesOf(instance).size() - 1).text())
        .contains((String) runtime().getVariable(instance.getId(), CaseVariables.SUPPLY_CONTRACT_NUMBER.name()), "尚未签署");
    assertThat(instance).as("reminded, still waiting").isWaitingAt(AWAIT_CONTRACT_SIGNATURE);

    assertThat(cases.timer(instance, CONTRACT_UNSIGNED).getDuedate().toInstant())
        .isEqualTo(workingCalendar.add(waterOn, "P5D"));
    contractUnsignedForFiveWorkingDays(instance);
    Task followUp = cases.task(instance, FOLLOW_UP_CONTRACT_SIGNING);
    assertThat(followUp.getName()).isEqualTo("跟进合同签署");
    assertThat(tasks().createTaskQuery().taskId(followUp.getId()).taskCandidateGroup("customer-service").count()).isOne();
    // Submitted without a signature: refused, saying how the customer can sign; the task stays.
    assertThatThrownBy(() -> tasks().complete(followUp.getId(), Variables.createVariables()
        .putValue(CaseVariables.CONTRACT_FOLLOW_UP_NOTE.name(), "已电话提醒")))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).problems()).containsOnlyKeys("contractSignedAtCounter"))
        .hasMessageContaining("客户页面");
    assertThat(instance).isWaitingAt(FOLLOW_UP_CONTRACT_SIGNING);

    // The customer signs after all (here at the counter through the staff door): the follow-up completes itself.
    cases.contractSigned(instance, contracts);
    assertThat(instance).isEnded().hasPassed(FOLLOW_UP_CONTRACT_SIGNING, END_WATER_CONNECTED);
    // The wait after the callback was the customer's: the callback's time in the scorecard ends with the callback.
    assertThat(customerTime.inStage(instance.getBusinessKey(), Stage.CALLBACK))
        .isEqualTo(workingCalendar.workingTime("P5D").plusMinutes(1));
    assertThat(contracts.get(instance.getBusinessKey()).signature()).hasValueSatisfying(signature ->
        assertThat(signature.method()).isEqualTo(ContractSignature.Method.COUNTER));
  }

  @Test
  void theFollowUpTicked_recordsTheCounterSignatureUnderTheAgentsLogin_andClosesTheCase() {
    ProcessInstance instance = throughDesign(surveyed(0, false, false), designed(50, 50, 8_000));
    cases.complete(instance, INSTALL_METER, meterInstalled(50));
    cases.complete(instance, CALL_BACK_CUSTOMER, calledBack(5, "满意"));
    contractUnsignedForFiveWorkingDays(instance);
    engine.getIdentityService().setAuthentication("zhoufang", List.of("customer-service"));
    try {
      tasks().complete(cases.task(instance, FOLLOW_UP_CONTRACT_SIGNING).getId(), signedAtCounter());
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    cases.executeJobs(instance);
    assertThat(instance).isEnded().hasPassed(END_WATER_CONNECTED);
    assertThat(contracts.get(instance.getBusinessKey()).signature()).hasValueSatisfying(signature -> {
      assertThat(signature.method()).isEqualTo(ContractSignature.Method.COUNTER);
      assertThat(signature.counterStaff()).isEqualTo("zhoufang");
    });
  }

  /** The page offers the contract once issued, before the water-on notice's step has run: that case waits for nothing. */
  @Test
  void aContractSignedBeforeTheCaseReachesItsWait_isNotAwaited() {
    ProcessInstance instance = throughDesign(surveyed(0, false, false), designed(50, 50, 8_000));
    tasks().complete(cases.task(instance, INSTALL_METER).getId(), meterInstalled(50));
    Job openAccount = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
        .activityId(OPEN_CUSTOMER_ACCOUNT).singleResult();
    engine.getManagementService().executeJob(openAccount.getId()); // the account is opened, the contract issued
    assertThat(contracts.find(instance.getBusinessKey())).as("issued before the notice is sent").isPresent();

    cases.contractSigned(instance, contracts);
    assertThat(instance).isWaitingAt(CALL_BACK_CUSTOMER).hasPassed(CONTRACT_SIGNED)
        .hasNotPassed(AWAIT_CONTRACT_SIGNATURE);
    cases.complete(instance, CALL_BACK_CUSTOMER, calledBack(5, "满意"));
    assertThat(instance).isEnded().hasPassed(END_WATER_CONNECTED);
  }

  private void withdraw(ProcessInstance instance) {
    runtime().createMessageCorrelation(MESSAGE_APPLICATION_WITHDRAWN).processInstanceId(instance.getId())
        .setVariable(CaseVariables.WITHDRAWAL_REASON.name(), "项目取消").correlate();
    cases.executeJobs(instance);
  }

  @Test
  void largeSupplyPipe_isQuoted_accepted_paidBeforeTheWorks_oneEffectForARepeatedNotification_andConnected() {
    ProcessInstance instance = cases.apply(residentialApplication());
    cases.complete(instance, REVIEW_APPLICATION, accepted());
    cases.complete(instance, SURVEY_SITE, surveyed(180, true, false));
    cases.complete(instance, DESIGN_SUPPLY_SCHEME, designed(150, 100, 86_000));

    assertThat(historicVariable(instance, CaseVariables.FEE_WAIVED.name())).isEqualTo(false);
    assertThat(historicVariable(instance, CaseVariables.CUSTOMER_FEE.name())).isEqualTo(86_000.0);
    assertThat(instance).isWaitingAt(AWAIT_QUOTE_ACCEPTANCE).hasPassed(ISSUE_QUOTE, SEND_QUOTE)
        .variables().containsEntry(CaseVariables.PAYMENT_TIMING.name(), Quote.BEFORE_WORKS);
    Quote quote = payments.find(instance.getBusinessKey()).orElseThrow();
    assertThat(quote.amount()).isEqualByComparingTo("86000.00");
    assertThat(quote.basis()).contains("DN100 及以上");
    assertThat(quote.covers()).contains("红线内");
    Notice told = noticesOf(instance).get(noticesOf(instance).size() - 1);
    assertThat(told.type()).isEqualTo(NoticeType.QUOTE_ISSUED);
    assertThat(told.text()).contains("86000.00 元").contains("先付款");
    assertThat(records.find(instance.getBusinessKey()).orElseThrow().stage()).isEqualTo(Stage.PAYMENT);
    assertThat(permitAuthority.filingsFor(instance.getBusinessKey())).as("nothing filed before payment").isEmpty();

    cases.quoteAccepted(instance, payments);
    assertThat(instance).isWaitingAt(AWAIT_PAYMENT);
    assertThat(payments.find(instance.getBusinessKey()).orElseThrow().acceptedVia()).isEqualTo(Quote.VIA_COUNTER);

    PaymentOrder paid = cases.paid(instance, payments, "4200000001");
    assertThat(paid.effect()).isEqualTo(PaymentOrder.CASE_CONTINUED);
    assertThat(instance).isWaitingAt(AWAIT_ROAD_PERMIT_DECISION);
    Payments.Notified repeat = payments.notified(paid.reference(), paid.amount(), "4200000001", paid.paidAt());
    Payments.Notified again = payments.notified(paid.reference(), paid.amount(), "4200000001", paid.paidAt());
    assertThat(repeat.repeat()).isTrue();
    assertThat(again.order()).isEqualTo(paid);
    assertThat(historicActivityCount(instance, AWAIT_PAYMENT)).as("one effect").isEqualTo(1);
    assertThat(permitAuthority.filingsFor(instance.getBusinessKey())).as("one road permit filed").hasSize(1);

    cases.permitDecided(instance, PermitKind.ROAD, permitApproved("株建占字〔2026〕301号"));
    cases.complete(instance, BUILD_EXTERNAL_PIPELINE, pipelineBuilt());
    finishFromMeter(instance);
    cases.contractSigned(instance, contracts);
    assertThat(instance).isEnded().hasPassed(END_WATER_CONNECTED).hasNotPassed(AWAIT_CREDIT_PAYMENT, REMIND_PAYMENT);
    assertThat(payments.paid(instance.getBusinessKey())).isEqualByComparingTo("86000.00");
  }

  @Test
  void unpaidBeforeTheWorks_remindsTheCustomerOnce_afterTheDecisionsWorkingDays_andKeepsWaiting() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-23T01:00:00Z"))); // Monday 09:00 in Shanghai
    ProcessInstance instance = cases.apply(residentialApplication());
    cases.complete(instance, REVIEW_APPLICATION, accepted());
    cases.complete(instance, SURVEY_SITE, surveyed(0, false, false));
    cases.complete(instance, DESIGN_SUPPLY_SCHEME, designed(100, 80, 12_000));
    cases.quoteAccepted(instance, payments);

    Job reminder = cases.timer(instance, PAYMENT_REMINDER);
    assertThat(reminder.getDuedate()).as("5 working days: next Monday 09:00")
        .isEqualTo(Date.from(Instant.parse("2026-11-30T01:00:00Z")));
    ClockUtil.setCurrentTime(reminder.getDuedate());
    cases.executeJobs(instance);
    cases.executeJobs(instance);

    assertThat(instance).isWaitingAt(AWAIT_PAYMENT);
    assertThat(noticesOf(instance)).extracting(Notice::type).containsOnlyOnce(NoticeType.PAYMENT_REMINDER);
    cases.paid(instance, payments, "4200000002");
    assertThat(instance).isWaitingAt(INSTALL_METER);
  }

  @Test
  void freeConnection_belowDn100_hasNoQuoteAndNoPaymentStep() {
    ProcessInstance instance = throughDesign(surveyed(0, false, false), designed(80, 50, 26_000));
    finishFromMeter(instance);

    cases.contractSigned(instance, contracts);
    assertThat(instance).isEnded().hasPassed(END_WATER_CONNECTED).hasNotPassed(DETERMINE_PAYMENT_TIMING, ISSUE_QUOTE,
        SEND_QUOTE, AWAIT_QUOTE_ACCEPTANCE, AWAIT_PAYMENT, AWAIT_CREDIT_PAYMENT);
    assertThat(payments.find(instance.getBusinessKey())).isEmpty();
    assertThat(noticesOf(instance)).extracting(Notice::type).doesNotContain(NoticeType.QUOTE_ISSUED,
        NoticeType.PAYMENT_REMINDER);
    assertThat(records.history(instance.getBusinessKey())).extracting(StageEntry::stage).doesNotContain(Stage.PAYMENT);
  }

  @Test
  void creditConnection_perTheDecision_getsWaterFirst_andClosesOnlyOncePaid_remindedWhenTheTermEnds() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-23T01:00:00Z")));
    ProcessInstance instance = throughDesign(surveyed(0, false, false), designed(150, 100, 86_000)); // commercial
    assertThat(instance).variables().containsEntry(CaseVariables.PAYMENT_TIMING.name(), Quote.AFTER_WATER_ON)
        .containsEntry(CaseVariables.PAYMENT_DUE_DAYS.name(), 15);
    cases.quoteAccepted(instance, payments);
    assertThat(instance).as("water first: no wait for the payment").isWaitingAt(INSTALL_METER);
    assertThatThrownBy(() -> cases.paid(instance, payments, "4200000003"))
        .isInstanceOf(RequestRefusedException.class).hasMessageContaining("通水后再付款");

    cases.complete(instance, INSTALL_METER, meterInstalled(100));
    assertThat(openTaskKeys(instance)).containsExactly(CALL_BACK_CUSTOMER);
    assertThat(instance).isWaitingAt(AWAIT_CREDIT_PAYMENT, CALL_BACK_CUSTOMER);
    Job due = cases.timer(instance, CREDIT_PAYMENT_OVERDUE);
    assertThat(due.getDuedate()).as("15 working days after water-on").isEqualTo(
        Date.from(workingCalendar.add(ClockUtil.getCurrentTime().toInstant(), "P15D")));
    cases.complete(instance, CALL_BACK_CUSTOMER, calledBack(5, "满意"));
    assertThat(instance).as("callback done, payment outstanding: the case stays open").isWaitingAt(AWAIT_CREDIT_PAYMENT);

    ClockUtil.setCurrentTime(due.getDuedate());
    cases.executeJobs(instance);
    assertThat(noticesOf(instance)).extracting(Notice::type).containsOnlyOnce(NoticeType.PAYMENT_REMINDER);
    PaymentOrder paid = cases.paid(instance, payments, "4200000004");

    assertThat(paid.effect()).isEqualTo(PaymentOrder.CASE_CONTINUED);
    cases.contractSigned(instance, contracts);
    assertThat(instance).isEnded().hasPassed(END_WATER_CONNECTED, REMIND_CREDIT_PAYMENT).hasNotPassed(AWAIT_PAYMENT);
  }

  @Test
  void withdrawnWhileWaitingForThePayment_aLatePaymentIsRecordedForRefund_andMovesNothing() {
    ProcessInstance instance = cases.apply(residentialApplication());
    cases.complete(instance, REVIEW_APPLICATION, accepted());
    cases.complete(instance, SURVEY_SITE, surveyed(0, false, false));
    cases.complete(instance, DESIGN_SUPPLY_SCHEME, designed(100, 80, 12_000));
    cases.quoteAccepted(instance, payments);
    PaymentOrder order = payments.startPayment(instance.getBusinessKey(), "13812345678");
    withdraw(instance);

    Payments.Notified late = payments.notified(order.reference(), order.amount(), "4200000005",
        ClockUtil.getCurrentTime().toInstant().atOffset(java.time.ZoneOffset.UTC));
    assertThat(late.order().effect()).isEqualTo(PaymentOrder.CASE_NOT_WAITING);
    assertThat(instance).isEnded().hasPassed(END_APPLICATION_WITHDRAWN);
  }

  @Test
  void designTask_isPrefilledWithTheMeterSizeTheDecisionTableRecommends() {
    ProcessInstance instance = cases.apply(application());
    cases.complete(instance, REVIEW_APPLICATION, accepted());
    cases.complete(instance, SURVEY_SITE, surveyed(0, false, false));

    Task design = cases.task(instance, DESIGN_SUPPLY_SCHEME);
    // Peak flow 12.5 m³/h: above DN32's permanent flow (10), within DN40's (16).
    assertThat(tasks().getVariable(design.getId(), CaseVariables.RECOMMENDED_METER_DN.name())).isEqualTo(40);
    assertThat(tasks().getVariable(design.getId(), CaseVariables.METER_DN.name())).isEqualTo(40);
  }

  @Test
  void aPeakBeyondTheLargestMeter_needsTheDesignersExplanationOfTheScheme() {
    ProcessInstance instance = cases.apply(application());
    cases.complete(instance, REVIEW_APPLICATION, accepted());
    VariableMap bigSite = surveyed(0, false, false);
    bigSite.putValue(CaseVariables.PEAK_FLOW.name(), 520.0);
    cases.complete(instance, SURVEY_SITE, bigSite);
    Task design = cases.task(instance, DESIGN_SUPPLY_SCHEME);
    assertThat(tasks().getVariable(design.getId(), CaseVariables.METER_REVIEW_REQUIRED.name())).isEqualTo(true);

    assertThatThrownBy(() -> tasks().complete(design.getId(), designed(300, 200, 400_000)))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).problems()).containsOnlyKeys("designNotes"));

    VariableMap explained = designed(300, 200, 400_000);
    explained.putValue(CaseVariables.DESIGN_NOTES.name(), "两只 DN200 水表并联");
    cases.complete(instance, DESIGN_SUPPLY_SCHEME, explained);
    assertThat(instance).as("designed: the customer's quote follows").isWaitingAt(AWAIT_QUOTE_ACCEPTANCE);
  }

  @Test
  void everyStageTask_isDueByItsStageTarget_inWorkingTimeFromWhenTheTaskArrived() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-23T01:00:00Z")));
    ProcessInstance instance = cases.apply(application());
    laterBy(Duration.ofHours(3));
    cases.complete(instance, REVIEW_APPLICATION, accepted());
    laterBy(Duration.ofHours(20));
    cases.complete(instance, SURVEY_SITE, surveyed(160, true, true));
    laterBy(Duration.ofHours(5));
    cases.complete(instance, DESIGN_SUPPLY_SCHEME, designed(80, 50, 26_000));
    laterBy(Duration.ofHours(7));
    cases.permitDecided(instance, PermitKind.ROAD, permitRejected("占道时段需避开早晚高峰"));
    laterBy(Duration.ofHours(2));
    cases.complete(instance, REVISE_ROAD_PERMIT_APPLICATION, permitRevised("改为夜间施工"));
    laterBy(Duration.ofHours(9));
    cases.platformSilent(instance, PermitKind.ROAD);
    cases.platformSilent(instance, PermitKind.GREENERY);
    laterBy(Duration.ofHours(3));
    cases.complete(instance, RECORD_ROAD_PERMIT_DECISION, permitApproved("株建占字〔2026〕106号"));
    cases.complete(instance, RECORD_GREENERY_PERMIT_DECISION, permitRejected("缺少绿化恢复方案"));
    laterBy(Duration.ofHours(1));
    cases.complete(instance, REVISE_GREENERY_PERMIT_APPLICATION, permitRevised("补充绿化恢复方案"));
    laterBy(Duration.ofHours(30));
    cases.permitDecided(instance, PermitKind.GREENERY, permitApproved("株园林许〔2026〕11号"));
    laterBy(Duration.ofDays(4));
    cases.complete(instance, BUILD_EXTERNAL_PIPELINE, pipelineBuilt());
    laterBy(Duration.ofHours(6));
    cases.complete(instance, INSTALL_METER, meterInstalled(50));
    laterBy(Duration.ofHours(26));
    cases.complete(instance, CALL_BACK_CUSTOMER, calledBack(3, "回访电话打了三次才接通"));
    laterBy(Duration.ofHours(4));
    cases.complete(instance, RECTIFY_SERVICE, rectified("已向客户致歉"));
    cases.complete(instance, CALL_BACK_CUSTOMER, calledBack(5, "满意"));
    contractUnsignedForFiveWorkingDays(instance);
    laterBy(Duration.ofHours(2));
    cases.complete(instance, FOLLOW_UP_CONTRACT_SIGNING, signedAtCounter());

    BpmnModelInstance model = engine.getRepositoryService().getBpmnModelInstance(instance.getProcessDefinitionId());
    List<HistoricTaskInstance> worked = history().createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
        .list();
    // the waits for the customer (docs/adr/0045) are no stage's work: nothing is due there
    assertThat(worked).extracting(HistoricTaskInstance::getTaskDefinitionKey).containsAll(
        model.getModelElementsByType(UserTask.class).stream().map(UserTask::getId)
            .filter(id -> !ObtainingWaterProcess.UserTasks.CUSTOMER_WAITS.contains(id)).toList());
    for (HistoricTaskInstance task : worked) {
      UserTask definition = model.getModelElementById(task.getTaskDefinitionKey());
      String stage = definition.getCamundaDueDate().replaceAll(".*dueIn\\('([A-Z_]+)'.*", "$1");
      String target = stageTargets.dueIn(stage);
      assertThat(task.getDueDate().toInstant()).as(task.getTaskDefinitionKey() + " started " + task.getStartTime())
          .isEqualTo(workingCalendar.add(task.getStartTime().toInstant(), target));
    }
  }

  @Test
  void aCaseLateAtEveryStage_isEscalatedOncePerOverdueTaskAndPermit_andStillConnects() {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-23T01:00:00Z")));
    ProcessInstance instance = cases.apply(application());
    completeLate(instance, REVIEW_APPLICATION, accepted());
    completeLate(instance, SURVEY_SITE, surveyed(180, true, true));
    completeLate(instance, DESIGN_SUPPLY_SCHEME, designed(80, 50, 26_000));
    // The platform stays silent: after its working day both permits fall back to the agent's tasks.
    ClockUtil.setCurrentTime(Date.from(cases.timer(instance, ROAD_PERMIT_DECISION_NOT_RECEIVED).getDuedate().toInstant()
        .plus(Duration.ofMinutes(1))));
    cases.executeJobs(instance);
    // Both permits and their first tasks fall due together: one notice per permit.
    overdue(instance, RECORD_ROAD_PERMIT_DECISION);
    assertThat(flagged(cases.task(instance, RECORD_GREENERY_PERMIT_DECISION))).isTrue();
    cases.complete(instance, RECORD_ROAD_PERMIT_DECISION, permitRejected("占道时段需避开早晚高峰"));
    cases.complete(instance, RECORD_GREENERY_PERMIT_DECISION, permitRejected("缺少绿化恢复方案"));
    overdue(instance, REVISE_ROAD_PERMIT_APPLICATION); // both revisions arrived together, and run late together
    assertThat(flagged(cases.task(instance, REVISE_GREENERY_PERMIT_APPLICATION))).isTrue();
    cases.complete(instance, REVISE_ROAD_PERMIT_APPLICATION, permitRevised("改为夜间施工"));
    cases.complete(instance, REVISE_GREENERY_PERMIT_APPLICATION, permitRevised("补充绿化恢复方案"));
    cases.permitDecided(instance, PermitKind.ROAD, permitApproved("株建占字〔2026〕107号"));
    cases.permitDecided(instance, PermitKind.GREENERY, permitApproved("株园林许〔2026〕12号"));
    completeLate(instance, BUILD_EXTERNAL_PIPELINE, pipelineBuilt());
    completeLate(instance, INSTALL_METER, meterInstalled(50));
    completeLate(instance, CALL_BACK_CUSTOMER, calledBack(2, "回访电话打了三次才接通"));
    completeLate(instance, RECTIFY_SERVICE, rectified("已向客户致歉"));
    cases.complete(instance, CALL_BACK_CUSTOMER, calledBack(5, "满意"));
    contractUnsignedForFiveWorkingDays(instance);
    completeLate(instance, FOLLOW_UP_CONTRACT_SIGNING, signedAtCounter());

    assertThat(instance).isEnded().hasPassed(END_WATER_CONNECTED);
    assertThat(supervisorNotices.noticesFor(instance.getBusinessKey())).extracting(OverdueNotice::stage).containsExactly(
        Stage.INTAKE, Stage.SURVEY, Stage.DESIGN, Stage.PERMITS, Stage.PERMITS, Stage.PERMITS, Stage.PERMITS,
        Stage.CONSTRUCTION, Stage.METERING, Stage.CALLBACK, Stage.CALLBACK, Stage.CALLBACK);
    assertThat(supervisorNotices.noticesFor(instance.getBusinessKey())).extracting(OverdueNotice::work)
        .contains("办理占道挖掘许可", "办理绿化占用许可", "修改占道挖掘许可申请", "修改绿化占用许可申请");
    BpmnModelInstance model = engine.getRepositoryService().getBpmnModelInstance(instance.getProcessDefinitionId());
    for (BoundaryEvent timer : model.getModelElementsByType(BoundaryEvent.class)) {
      if (timer.getEventDefinitions().stream().noneMatch(
          org.camunda.bpm.model.bpmn.instance.TimerEventDefinition.class::isInstance)) {
        continue; // the withdrawal and the refusals, which this case does not take
      }
      if (timer.getAttachedTo().getId().equals(AWAIT_PAYMENT) || timer.getAttachedTo().getId().equals(AWAIT_CREDIT_PAYMENT)) {
        continue; // the payment reminders: this case pays nothing
      }
      assertThat(historicActivityCount(instance, timer.getId())).as(timer.getId() + " fired once").isEqualTo(1);
    }
  }

  @Test
  void permitApprovalWithoutANumber_isRefusedWithTheFieldNamed_andTheTaskStaysOpen() {
    ProcessInstance instance = throughDesign(surveyed(180, true, false), designed(80, 50, 26_000));
    cases.platformSilent(instance, PermitKind.ROAD);
    Task task = cases.task(instance, RECORD_ROAD_PERMIT_DECISION);

    assertThatThrownBy(() -> tasks().complete(task.getId(), vars().with(CaseVariables.PERMIT_DECISION, "approved").map()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("许可证号")
        .satisfies(e -> assertThat(((InvalidInputException) e).problems()).containsOnlyKeys("permitNumber"));
    assertThat(instance).isWaitingAt(RECORD_ROAD_PERMIT_DECISION);
  }

  @Test
  void surveyWithCrossingsButNoExternalPipe_isRefused() {
    ProcessInstance instance = cases.apply(application());
    cases.complete(instance, REVIEW_APPLICATION, accepted());
    Task survey = cases.task(instance, SURVEY_SITE);

    assertThatThrownBy(() -> tasks().complete(survey.getId(), surveyed(0, true, false)))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).problems()).containsOnlyKeys("externalPipeLength"));
    assertThat(instance).isWaitingAt(SURVEY_SITE);
  }

  // --- helpers -------------------------------------------------------------------------

  /** Applies, accepts, surveys and designs: the case then waits at the first task after design. */
  private ProcessInstance throughDesign(VariableMap survey, VariableMap design) {
    ProcessInstance instance = cases.apply(application());
    cases.complete(instance, REVIEW_APPLICATION, accepted());
    cases.complete(instance, SURVEY_SITE, survey);
    cases.complete(instance, DESIGN_SUPPLY_SCHEME, design);
    return instance;
  }

  /** Lets the open task run a minute past its due date, runs the due jobs, then completes it. */
  private void completeLate(ProcessInstance instance, String taskDefinitionKey, VariableMap submitted) {
    overdue(instance, taskDefinitionKey);
    cases.complete(instance, taskDefinitionKey, submitted);
  }

  private void overdue(ProcessInstance instance, String taskDefinitionKey) {
    Task task = cases.task(instance, taskDefinitionKey);
    int before = supervisorNotices.noticesFor(instance.getBusinessKey()).size();
    ClockUtil.setCurrentTime(Date.from(task.getDueDate().toInstant().plus(Duration.ofMinutes(1))));
    cases.executeJobs(instance);
    assertThat(flagged(cases.task(instance, taskDefinitionKey))).as(taskDefinitionKey + " flagged").isTrue();
    assertThat(supervisorNotices.noticesFor(instance.getBusinessKey()).size()).as(taskDefinitionKey + " notices")
        .isGreaterThan(before);
  }

  /** The case's timer job of this boundary event. */
  private String activityOf(Job job) {
    return engine.getManagementService().createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
        .singleResult().getActivityId();
  }

  private boolean flagged(Task task) {
    return Boolean.TRUE.equals(tasks().getVariableLocal(task.getId(), CaseVariables.OVERDUE.name()));
  }

  /** The customer leaves the contract unsigned until the five-working-day timer hands it to customer service. */
  private void contractUnsignedForFiveWorkingDays(ProcessInstance instance) {
    ClockUtil.setCurrentTime(Date.from(cases.timer(instance, CONTRACT_UNSIGNED).getDuedate().toInstant()
        .plus(Duration.ofMinutes(1))));
    cases.executeJobs(instance);
    assertThat(instance).isWaitingAt(FOLLOW_UP_CONTRACT_SIGNING);
  }

  /** 跟进合同签署 as customer service submit it once the customer signed the paper contract at the counter. */
  private static VariableMap signedAtCounter() {
    return Variables.createVariables().putValue(CaseVariables.CONTRACT_SIGNED_AT_COUNTER.name(), true)
        .putValue(CaseVariables.CONTRACT_FOLLOW_UP_NOTE.name(), "客户到营业厅签署了纸质合同");
  }

  private static void laterBy(Duration duration) {
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(duration)));
  }

  private void finishFromMeter(ProcessInstance instance) {
    cases.complete(instance, INSTALL_METER, meterInstalled(50));
    cases.complete(instance, CALL_BACK_CUSTOMER, calledBack(5, "满意"));
  }

  private List<Notice> noticesOf(ProcessInstance instance) {
    return notifier.noticesFor(instance.getBusinessKey());
  }

  private List<String> openTaskKeys(ProcessInstance instance) {
    return tasks().createTaskQuery().processInstanceId(instance.getId()).list().stream()
        .map(Task::getTaskDefinitionKey).toList();
  }

  private Object historicVariable(ProcessInstance instance, String name) {
    return history().createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).variableName(name)
        .singleResult().getValue();
  }

  private long historicActivityCount(ProcessInstance instance, String activityId) {
    return history().createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).activityId(activityId)
        .count();
  }

  private RuntimeService runtime() {
    return engine.getRuntimeService();
  }

  private TaskService tasks() {
    return engine.getTaskService();
  }

  private HistoryService history() {
    return engine.getHistoryService();
  }
}
