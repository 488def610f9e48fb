package org.obtainingwater;

import static org.assertj.core.api.Assertions.assertThat;
import static org.obtainingwater.process.ObtainingWaterProcess.Elements.AWAIT_CREDIT_PAYMENT;
import static org.obtainingwater.process.ObtainingWaterProcess.Elements.END_APPLICATION_WITHDRAWN;
import static org.obtainingwater.process.ObtainingWaterProcess.Elements.END_WATER_CONNECTED;
import static org.obtainingwater.process.ObtainingWaterProcess.MESSAGE_APPLICATION_WITHDRAWN;
import static org.obtainingwater.process.ObtainingWaterProcess.MESSAGE_CONTRACT_SIGNED;
import static org.obtainingwater.process.ObtainingWaterProcess.MESSAGE_PAYMENT_RECEIVED;
import static org.obtainingwater.process.ObtainingWaterProcess.MESSAGE_QUOTE_ACCEPTED;
import static org.obtainingwater.process.ObtainingWaterProcess.PROCESS_KEY;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.BUILD_EXTERNAL_PIPELINE;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.CALL_BACK_CUSTOMER;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.DESIGN_SUPPLY_SCHEME;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.INSTALL_METER;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.RECORD_GREENERY_PERMIT_DECISION;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.RECORD_ROAD_PERMIT_DECISION;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.REVIEW_APPLICATION;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.REVISE_GREENERY_PERMIT_APPLICATION;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.REVISE_ROAD_PERMIT_APPLICATION;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.AWAIT_SURVEY_READINESS;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.SURVEY_SITE;
import static org.obtainingwater.support.TestCases.accepted;
import static org.obtainingwater.support.TestCases.application;
import static org.obtainingwater.support.TestCases.calledBack;
import static org.obtainingwater.support.TestCases.designed;
import static org.obtainingwater.support.TestCases.meterInstalled;
import static org.obtainingwater.support.TestCases.permitApproved;
import static org.obtainingwater.support.TestCases.permitRejected;
import static org.obtainingwater.support.TestCases.permitRevised;
import static org.obtainingwater.support.TestCases.pipelineBuilt;
import static org.obtainingwater.support.TestCases.surveyed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.di.DiagramElement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.obtainingwater.adapters.RecordingPermitAuthority;
import org.obtainingwater.adapters.RecordingSupervisorNotifier;
import org.obtainingwater.engine.ResourceDeployment;
import org.obtainingwater.contract.SupplyContracts;
import org.obtainingwater.payment.Payments;
import org.obtainingwater.permits.FiledPermit;
import org.obtainingwater.permits.PermitDecisions;
import org.obtainingwater.permits.PermitFilings;
import org.obtainingwater.permits.PermitKind;
import org.obtainingwater.support.Staff;
import org.obtainingwater.support.NodeScript;
import org.obtainingwater.support.AppOnH2;
import org.obtainingwater.support.CaseDriver;
import org.obtainingwater.support.DefaultEngine;
import org.obtainingwater.support.Diagrams;
import org.obtainingwater.support.TestCases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Running cases survive a new version (docs/adr/0015): a changed copy of today's diagram (one task
 * renamed, one task added, built from bpmn/obtaining-water.bpmn so the test follows the diagram)
 * is deployed as the analyst would; cases waiting at every kind of stage are moved onto it by the
 * project's command {@code tools/migrate-cases.mjs}, which only camunda-admin may run; they keep
 * their business key, variables and open tasks, and finish on the new version, through the added
 * task. Cases of the version before the escalation timers gain them, due with their tasks.
 */
@AppOnH2
// It deploys more versions of obtainingWater and migrates every running case: a database of its own (and so a
// context of its own), so it neither sees the other classes' cases nor leaves its versions to them. Not closed
// after it (@DirtiesContext): closing a web context clears the Camunda webapps' static runtime delegates
// (Cockpit, Admin, Tasklist) for every other context in the JVM, and their logins then fail with a 500.
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:case-migration-${random.uuid};DB_CLOSE_DELAY=-1")
class CaseMigrationTests {

  static final String ADDED_TASK = "userTask_checkMeterSeal";
  static final String RENAMED_SURVEY = "现场查勘（含安全交底）";

  /** What each stage's staff submit when the test finishes a case. */
  static final Map<String, Supplier<VariableMap>> WORK = new LinkedHashMap<>();

  static {
    WORK.put(REVIEW_APPLICATION, TestCases::accepted);
    WORK.put(SURVEY_SITE, () -> surveyed(0, false, false));
    WORK.put(DESIGN_SUPPLY_SCHEME, () -> designed(80, 50, 26_000));
    WORK.put(RECORD_ROAD_PERMIT_DECISION, () -> permitApproved("株占挖〔2026〕18号"));
    WORK.put(RECORD_GREENERY_PERMIT_DECISION, () -> permitApproved("株绿占〔2026〕7号"));
    WORK.put(REVISE_ROAD_PERMIT_APPLICATION, () -> permitRevised("改为夜间施工，占道时间缩短"));
    WORK.put(REVISE_GREENERY_PERMIT_APPLICATION, () -> permitRevised("绿化恢复方案补充"));
    WORK.put(BUILD_EXTERNAL_PIPELINE, TestCases::pipelineBuilt);
    WORK.put(INSTALL_METER, () -> meterInstalled(50));
    WORK.put(ADDED_TASK, Variables::createVariables);
    WORK.put(CALL_BACK_CUSTOMER, () -> calledBack(5, "满意"));
  }

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  RepositoryService repository;
  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  HistoryService history;
  @Autowired
  RecordingSupervisorNotifier supervisors;
  @Autowired
  RecordingPermitAuthority permitAuthority;
  @Autowired
  PermitFilings permitFilings;
  @Autowired
  PermitDecisions decisions;
  @Autowired
  Payments payments;
  @Autowired
  SupplyContracts contracts;

  CaseDriver cases;

  @BeforeEach
  void driver() {
    DefaultEngine.use(engine); // the command calls engine-rest, which must find this context's engine
    cases = new CaseDriver(engine);
  }

  @Test
  void casesWaitingAtEveryKindOfStage_moveToTheNewVersion_keepEverything_andFinishOnIt() throws Exception {
    Map<String, ProcessInstance> waiting = new LinkedHashMap<>();
    waiting.put("acknowledgement (asynchronous step)", runtime.startProcessInstanceByKey(PROCESS_KEY, application()));
    waiting.put("intake", cases.apply(application()));
    waiting.put("survey", at(List.of(accepted())));
    waiting.put("design", at(List.of(accepted(), surveyed(180, true, true))));
    waiting.put("both permits", at(List.of(accepted(), surveyed(180, true, true), designed(80, 50, 26_000))));
    ProcessInstance revising = at(List.of(accepted(), surveyed(180, true, true), designed(80, 50, 26_000)));
    cases.permitDecided(revising, PermitKind.ROAD, permitRejected("占道时间过长"));
    cases.permitDecided(revising, PermitKind.GREENERY, permitApproved("株绿占〔2026〕6号"));
    waiting.put("road permit revision, greenery permit done", revising);
    ProcessInstance silent = at(List.of(accepted(), surveyed(180, true, false), designed(80, 50, 26_000)));
    cases.platformSilent(silent, PermitKind.ROAD);
    waiting.put("the agent's record after the platform's silence", silent);
    ProcessInstance building = at(List.of(accepted(), surveyed(180, true, true), designed(80, 50, 26_000)));
    cases.permitDecided(building, PermitKind.ROAD, permitApproved("株占挖〔2026〕17号"));
    cases.permitDecided(building, PermitKind.GREENERY, permitApproved("株绿占〔2026〕5号"));
    waiting.put("construction", building);
    waiting.put("meter", at(List.of(accepted(), surveyed(0, false, false), designed(50, 50, 8_000))));
    ProcessInstance callback = at(List.of(accepted(), surveyed(0, false, false), designed(50, 50, 8_000)));
    cases.complete(callback, INSTALL_METER, meterInstalled(50));
    waiting.put("callback", callback);
    ProcessInstance toWithdraw = at(List.of(accepted()));

    tasks.claim(cases.task(waiting.get("survey"), SURVEY_SITE).getId(), "wangqiang");

    ProcessDefinition before = latest();
    Map<String, Set<String>> variablesBefore = new LinkedHashMap<>();
    Map<String, Set<String>> tasksBefore = new LinkedHashMap<>();
    waiting.forEach((stage, instance) -> {
      variablesBefore.put(stage, variables(instance));
      tasksBefore.put(stage, openTaskIds(instance));
    });

    ProcessDefinition after = deployChangedCopy();
    assertThat(after.getVersion()).isEqualTo(before.getVersion() + 1);

    // A supervisor may look at every case but not move them; a dry run shows what would move.
    NodeScript.Run refused = migrateCases("wulei");
    assertThat(refused.exitCode()).as(refused.output()).isEqualTo(1);
    assertThat(refused.output()).contains("only camunda-admin");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionId(before.getId()).count()).isEqualTo(waiting.size() + 1);

    NodeScript.Run dryRun = migrateCases("admin", "--dry-run");
    assertThat(dryRun.exitCode()).as(dryRun.output()).isZero();
    assertThat(dryRun.output()).contains((waiting.size() + 1) + " case(s) would be migrated").contains("nothing changed");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionId(before.getId()).count()).isEqualTo(waiting.size() + 1);

    NodeScript.Run migrated = migrateCases("admin");
    assertThat(migrated.exitCode()).as(migrated.output()).isZero();
    assertThat(migrated.output()).contains((waiting.size() + 1) + " case(s) migrated");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionId(before.getId()).count()).isZero();

    waiting.forEach((stage, instance) -> {
      ProcessInstance now = runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult();
      assertThat(now.getProcessDefinitionId()).as(stage).isEqualTo(after.getId());
      assertThat(now.getBusinessKey()).as(stage).isEqualTo(instance.getBusinessKey());
      assertThat(variables(instance)).as(stage + ": variables").isEqualTo(variablesBefore.get(stage));
      assertThat(openTaskIds(instance)).as(stage + ": open tasks, claims and all").isEqualTo(tasksBefore.get(stage));
    });

    waiting.forEach((stage, instance) -> finish(stage, instance));
    waiting.forEach((stage, instance) -> {
      assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
          .activityId(END_WATER_CONNECTED).count()).as(stage + " connected").isEqualTo(1);
      long addedTaskDone = history.createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
          .taskDefinitionKey(ADDED_TASK).finished().count();
      assertThat(addedTaskDone).as(stage + " went through the added task").isEqualTo(stage.equals("callback") ? 0 : 1);
    });
    // A survey task created after the migration carries the new name.
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(waiting.get("intake").getId())
        .taskDefinitionKey(SURVEY_SITE).singleResult().getName()).isEqualTo(RENAMED_SURVEY);

    // The withdrawal message still reaches a migrated case.
    runtime.createMessageCorrelation(MESSAGE_APPLICATION_WITHDRAWN).processInstanceBusinessKey(toWithdraw.getBusinessKey())
        .setVariable("withdrawalReason", "项目延期").correlate();
    cases.executeJobs(toWithdraw);
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(toWithdraw.getId())
        .activityId(END_APPLICATION_WITHDRAWN).count()).isEqualTo(1);
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(toWithdraw.getId()).singleResult()
        .getProcessDefinitionId()).isEqualTo(after.getId());
  }

  /**
   * Cases of 1.3.0, where everything ran in the process's one scope, move onto this version, where the work
   * up to water-on is the sub-process {@code subProcess_connection} with the withdrawal on its border
   * (docs/adr/0031). The command maps each waiting activity to the same id inside the new sub-process; the
   * cases keep their tasks, a migrated case with permits in flight is withdrawn with its filings withdrawn at
   * the platform, a case already past water-on can no longer be withdrawn, and every other case finishes.
   */
  @Test
  void casesOfThePreviousVersion_moveIntoTheWorkUpToWaterOn_canBeWithdrawnThere_andFinish() throws Exception {
    ProcessDefinition previous = deployPrevious("1.3.0");
    Map<String, ProcessInstance> waiting = new LinkedHashMap<>();
    waiting.put("acknowledgement (asynchronous step)", runtime.startProcessInstanceByKey(PROCESS_KEY, application()));
    waiting.put("intake", cases.apply(application()));
    waiting.put("survey", at(List.of(accepted())));
    waiting.put("both permits", at(List.of(accepted(), surveyed(180, true, true), designed(80, 50, 26_000))));
    ProcessInstance revising = at(List.of(accepted(), surveyed(180, true, true), designed(80, 50, 26_000)));
    cases.complete(revising, RECORD_ROAD_PERMIT_DECISION, permitRejected("占道时间过长"));
    cases.complete(revising, RECORD_GREENERY_PERMIT_DECISION, permitApproved("株绿占〔2026〕9号"));
    waiting.put("road permit revision", revising);
    ProcessInstance building = at(List.of(accepted(), surveyed(180, true, false), designed(80, 50, 26_000)));
    cases.complete(building, RECORD_ROAD_PERMIT_DECISION, permitApproved("株占挖〔2026〕19号"));
    waiting.put("construction", building);
    waiting.put("meter", at(List.of(accepted(), surveyed(0, false, false), designed(50, 50, 8_000))));
    ProcessInstance callback = at(List.of(accepted(), surveyed(0, false, false), designed(50, 50, 8_000)));
    cases.complete(callback, INSTALL_METER, meterInstalled(50));
    ProcessInstance toWithdraw = at(List.of(accepted(), surveyed(180, true, true), designed(80, 50, 26_000)));
    List<ProcessInstance> all = new ArrayList<>(waiting.values());
    all.add(callback);
    all.add(toWithdraw);
    Map<String, Set<String>> tasksBefore = openTasksOn(previous, all);

    ProcessDefinition current = deploy(Diagrams.obtainingWater());
    NodeScript.Run dryRun = migrateCases("admin", "--dry-run");
    assertThat(dryRun.exitCode()).as(dryRun.output()).isZero();
    assertThat(dryRun.output()).contains("moved into another scope");
    migrateAll(current, all, tasksBefore);
    waiting.forEach((stage, instance) -> assertThat(withdrawalOffered(instance)).as(stage + " may be withdrawn").isTrue());
    assertThat(withdrawalOffered(callback)).as("after water-on").isFalse();

    runtime.createMessageCorrelation(MESSAGE_APPLICATION_WITHDRAWN).processInstanceId(toWithdraw.getId())
        .setVariable("withdrawalReason", "项目取消").correlate();
    cases.executeJobs(toWithdraw);
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(toWithdraw.getId())
        .activityId(END_APPLICATION_WITHDRAWN).count()).isEqualTo(1);
    assertThat(permitAuthority.withdrawalsFor(toWithdraw.getBusinessKey())).as("both filings in flight").hasSize(2);

    waiting.forEach(this::finish);
    finish("callback", callback);
    waiting.put("callback", callback);
    waiting.forEach((stage, instance) -> assertThat(history.createHistoricActivityInstanceQuery()
        .processInstanceId(instance.getId()).activityId(END_WATER_CONNECTED).count()).as(stage + " connected").isEqualTo(1));
  }

  /**
   * Cases of 1.4.0, where the permit agent's task waited for every permit decision, move onto this version, where the
   * permit waits for the platform's message and the agent's task comes only after the platform's silence
   * (docs/adr/0041). A case waiting at the agent's task keeps it (same id, same scope): the agent may record the
   * decision, and the platform's decision still completes it; a refiling after the migration waits for the platform.
   * A short-works case (备案) already waiting at the agent's task keeps it too: the agent closes it.
   */
  @Test
  void casesOfVersion140_waitingForTheAgentsRecord_keepTheTask_andThePlatformsDecisionStillCompletesIt() throws Exception {
    ProcessDefinition previous = deployPrevious("1.4.0");
    ProcessInstance platform = at(List.of(accepted(), surveyed(180, true, true), designed(80, 50, 26_000)));
    ProcessInstance revising = at(List.of(accepted(), surveyed(180, true, false), designed(80, 50, 26_000)));
    cases.complete(revising, RECORD_ROAD_PERMIT_DECISION, permitRejected("占道时间过长"));
    ProcessInstance filingOnly = at(List.of(accepted(), surveyed(120, true, false), designed(80, 50, 26_000)));
    List<ProcessInstance> all = List.of(platform, revising, filingOnly);
    Map<String, Set<String>> tasksBefore = openTasksOn(previous, all);
    assertThat(tasksBefore.get(filingOnly.getId())).as("1.4.0 waits for a decision on a filing too")
        .anyMatch(task -> task.contains(RECORD_ROAD_PERMIT_DECISION));

    ProcessDefinition current = deploy(Diagrams.obtainingWater());
    migrateAll(current, all, tasksBefore); // the agent's tasks stay

    // The platform's decisions arrive for the migrated tasks: each completes its task, as the platform's.
    for (PermitKind kind : PermitKind.values()) {
      FiledPermit filing = permitFilings.filingsFor(platform.getBusinessKey()).stream()
          .filter(filed -> filed.kind() == kind).findFirst().orElseThrow();
      decisions.apply(filing.reference(), new PermitDecisions.Decision("approved", "株许〔2026〕" + kind.code(), null));
      assertThat(permitFilings.find(filing.reference()).orElseThrow().decidedVia()).isEqualTo(PermitFilings.VIA_PLATFORM);
    }
    cases.executeJobs(platform);
    assertThat(tasks.createTaskQuery().processInstanceId(platform.getId()).taskDefinitionKey(BUILD_EXTERNAL_PIPELINE)
        .count()).isEqualTo(1);

    // The refiling after the revision waits for the platform, the new way.
    cases.complete(revising, REVISE_ROAD_PERMIT_APPLICATION, permitRevised("改为夜间施工"));
    assertThat(runtime.createEventSubscriptionQuery().processInstanceId(revising.getId())
        .eventName(PermitKind.ROAD.decisionMessage()).count()).isEqualTo(1);

    cases.complete(filingOnly, RECORD_ROAD_PERMIT_DECISION, permitApproved("株占挖〔2026〕21号"));
    for (ProcessInstance instance : all) {
      finish("migrated from 1.4.0", instance);
      assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
          .activityId(END_WATER_CONNECTED).count()).isEqualTo(1);
    }
  }

  /**
   * Cases of 1.5.0, before quote and payment (docs/adr/0043), move onto this version. A case still before its design
   * is quoted like any new one when its fee is charged; a case past the fee decision goes on without a quote (its fee
   * was settled outside the system, as before); a case past water-on, at the callback with a single token, closes
   * through the join that waits for a credit payment, which it never had to make.
   */
  @Test
  void casesOfVersion150_migrate_theOnesBeforeDesignAreQuoted_theOnesPastItOrPastWaterOnCloseWithoutAPayment()
      throws Exception {
    ProcessDefinition previous = deployPrevious("1.5.0");
    ProcessInstance beforeDesign = at(List.of(accepted(), surveyed(0, false, false)));
    ProcessInstance pastTheFee = at(List.of(accepted(), surveyed(0, false, false), designed(150, 100, 86_000)));
    ProcessInstance atCallback = at(List.of(accepted(), surveyed(0, false, false), designed(150, 100, 86_000)));
    cases.complete(atCallback, INSTALL_METER, meterInstalled(100));
    List<ProcessInstance> all = List.of(beforeDesign, pastTheFee, atCallback);
    Map<String, Set<String>> tasksBefore = openTasksOn(previous, all);

    ProcessDefinition current = deploy(Diagrams.obtainingWater());
    assertThat(current.getVersionTag()).isEqualTo("1.7.0");
    migrateAll(current, all, tasksBefore);

    cases.complete(beforeDesign, DESIGN_SUPPLY_SCHEME, designed(150, 100, 86_000));
    assertThat(runtime.createEventSubscriptionQuery().processInstanceId(beforeDesign.getId())
        .eventName(MESSAGE_QUOTE_ACCEPTED).count()).as("quoted on the new version").isEqualTo(1);
    cases.complete(atCallback, CALL_BACK_CUSTOMER, calledBack(5, "满意"));
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(atCallback.getId()).count())
        .as("closed through the join without a payment token").isZero();
    for (ProcessInstance instance : all) {
      finish("migrated from 1.5.0", instance);
      assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
          .activityId(END_WATER_CONNECTED).count()).isEqualTo(1);
    }
    assertThat(payments.find(beforeDesign.getBusinessKey())).as("quoted").isPresent();
    assertThat(payments.paid(beforeDesign.getBusinessKey())).isEqualByComparingTo("86000");
    assertThat(payments.find(pastTheFee.getBusinessKey())).as("past the fee decision before quotes: none").isEmpty();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pastTheFee.getId())
        .activityId(AWAIT_CREDIT_PAYMENT).count()).isZero();
  }

  /**
   * Cases of 1.6.0, before the wait for the contract's signature (docs/adr/0046), move onto this version. A case before
   * water-on waits for the signature after it like any new one; a case already past water-on (at the callback, its
   * contract issued and unsigned) closes with its callback, through the join it reaches without a signature branch.
   */
  @Test
  void casesOfVersion160_migrate_theOnesBeforeWaterOnWaitForTheSignature_theOnesPastItCloseWithTheCallback()
      throws Exception {
    ProcessDefinition previous = deployPrevious("1.6.0");
    ProcessInstance atMeter = at(List.of(accepted(), surveyed(0, false, false), designed(50, 50, 8_000)));
    ProcessInstance atCallback = at(List.of(accepted(), surveyed(0, false, false), designed(50, 50, 8_000)));
    cases.complete(atCallback, INSTALL_METER, meterInstalled(50));
    List<ProcessInstance> all = List.of(atMeter, atCallback);
    Map<String, Set<String>> tasksBefore = openTasksOn(previous, all);

    ProcessDefinition current = deploy(Diagrams.obtainingWater());
    assertThat(current.getVersionTag()).isEqualTo("1.7.0");
    migrateAll(current, all, tasksBefore);

    cases.complete(atCallback, CALL_BACK_CUSTOMER, calledBack(5, "满意"));
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(atCallback.getId()).count())
        .as("closed with its callback, no signature awaited").isZero();
    assertThat(contracts.get(atCallback.getBusinessKey()).signature()).as("its contract stays to be signed").isEmpty();

    cases.complete(atMeter, INSTALL_METER, meterInstalled(50));
    cases.complete(atMeter, CALL_BACK_CUSTOMER, calledBack(5, "满意"));
    assertThat(waitsFor(atMeter, MESSAGE_CONTRACT_SIGNED)).as("water on after the migration: the signature awaited")
        .isTrue();
    cases.contractSigned(atMeter, contracts);
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(atMeter.getId())
        .activityId(END_WATER_CONNECTED).count()).isEqualTo(1);
  }

  /**
   * A case of 1.6.0, before the clock could stop for the customer (docs/adr/0045), waiting at its survey, moves onto
   * this version; the surveyor can then pause it for the customer, staff resume it, and it finishes as any case.
   */
  @Test
  void aCaseOfVersion160_waitingAtItsSurvey_migrates_andCanThenPauseForTheCustomerAndResume() throws Exception {
    ProcessDefinition previous = deployPrevious("1.6.0");
    ProcessInstance atSurvey = at(List.of(accepted()));
    Map<String, Set<String>> tasksBefore = openTasksOn(previous, List.of(atSurvey));

    ProcessDefinition current = deploy(Diagrams.obtainingWater());
    migrateAll(current, List.of(atSurvey), tasksBefore);

    cases.complete(atSurvey, SURVEY_SITE, TestCases.awaitingCustomer("customerPostponed"));
    assertThat(tasks.createTaskQuery().processInstanceId(atSurvey.getId()).singleResult().getTaskDefinitionKey())
        .isEqualTo(AWAIT_SURVEY_READINESS);
    cases.complete(atSurvey, AWAIT_SURVEY_READINESS, TestCases.resumed("客户电话确认已具备"));
    assertThat(cases.task(atSurvey, SURVEY_SITE).getDueDate()).as("due again").isNotNull();
    finish("migrated from 1.6.0", atSurvey);
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(atSurvey.getId())
        .activityId(END_WATER_CONNECTED).count()).isEqualTo(1);
  }

  private boolean waitsFor(ProcessInstance instance, String message) {
    return runtime.createEventSubscriptionQuery().processInstanceId(instance.getId()).eventName(message).count() == 1;
  }

  private boolean withdrawalOffered(ProcessInstance instance) {
    return runtime.createEventSubscriptionQuery().processInstanceId(instance.getId())
        .eventName(MESSAGE_APPLICATION_WITHDRAWN).count() == 1;
  }

  /**
   * Cases that started before the escalation timers existed (docs/adr/0018): each open task gets its
   * timer, due when the task is due (not a full target after the migration), and escalates like any other.
   */
  @Test
  void casesOfTheVersionWithoutEscalationTimers_migrate_eachWaitingTaskGetsItsTimerDueWithTheTask() throws Exception {
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-23T01:00:00Z"))); // Monday 09:00 in Shanghai
    try {
      ProcessDefinition withoutTimers = deploy(withoutEscalations(Diagrams.obtainingWater()));
      List<ProcessInstance> waiting = new ArrayList<>();
      waiting.add(cases.apply(application()));
      waiting.add(at(List.of(accepted())));
      ProcessInstance permits = at(List.of(accepted(), surveyed(180, true, true), designed(80, 50, 26_000)));
      cases.permitDecided(permits, PermitKind.ROAD, permitRejected("占道时间过长"));
      waiting.add(permits);
      waiting.add(at(List.of(accepted(), surveyed(60, false, false), designed(80, 50, 12_000))));
      for (ProcessInstance instance : waiting) {
        assertThat(instance.getProcessDefinitionId()).isEqualTo(withoutTimers.getId());
        assertThat(timers(instance)).extracting(this::activityOf).as("only the wait for the platform has a timer")
            .allMatch(activity -> activity.endsWith("PermitDecisionNotReceived"));
      }

      ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-23T06:00:00Z"))); // the migration runs at 14:00
      ProcessDefinition withTimers = deploy(Diagrams.obtainingWater());
      NodeScript.Run migrated = migrateCases("admin");
      assertThat(migrated.exitCode()).as(migrated.output()).isZero();
      assertThat(migrated.output()).contains("escalation timer(s) set to their task's due date");

      for (ProcessInstance instance : waiting) {
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
            .getProcessDefinitionId()).isEqualTo(withTimers.getId());
        for (Task task : tasks.createTaskQuery().processInstanceId(instance.getId()).list()) {
          String boundary = "boundaryEvent_" + task.getTaskDefinitionKey().substring("userTask_".length()) + "Overdue";
          assertThat(timers(instance)).as(task.getTaskDefinitionKey())
              .filteredOn(job -> boundary.equals(activityOf(job))).singleElement()
              .satisfies(job -> assertThat(job.getDuedate()).isEqualTo(task.getDueDate()));
        }
      }

      ProcessInstance intake = waiting.get(0);
      ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-24T01:01:00Z"))); // intake was due Tuesday 09:00
      cases.executeJobs(intake);
      assertThat(supervisors.noticesFor(intake.getBusinessKey())).hasSize(1);
      assertThat(tasks.getVariableLocal(cases.task(intake, REVIEW_APPLICATION).getId(), "overdue")).isEqualTo(true);

      for (ProcessInstance instance : waiting) {
        finish("migrated before escalation", instance);
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
            .activityId(END_WATER_CONNECTED).count()).isEqualTo(1);
      }
    } finally {
      ClockUtil.reset();
    }
  }

  // --- helpers -------------------------------------------------------------------------

  /** The diagram as it was before issue 4's escalations: no boundary timers, no 超期督办 end events. */
  private static BpmnModelInstance withoutEscalations(BpmnModelInstance model) {
    List<BaseElement> removed = new ArrayList<>();
    for (BoundaryEvent timer : model.getModelElementsByType(BoundaryEvent.class)) {
      if (timer.getEventDefinitions().stream().noneMatch(TimerEventDefinition.class::isInstance)
          || timer.getAttachedTo() instanceof ReceiveTask) {
        continue; // the withdrawal, the refusals, the fallbacks after the platform's silence, the payment reminders
                  // and the contract's reminder and hand-over stay (no escalation)
      }
      for (SequenceFlow flow : timer.getOutgoing()) {
        removed.add(flow);
        removed.add(flow.getTarget());
      }
      removed.add(timer);
    }
    for (BaseElement element : removed) {
      for (DiagramElement drawn : model.getModelElementsByType(DiagramElement.class)) {
        if ((drawn instanceof BpmnShape shape && shape.getBpmnElement() == element)
            || (drawn instanceof BpmnEdge edge && edge.getBpmnElement() == element)) {
          drawn.getParentElement().removeChildElement(drawn);
        }
      }
    }
    for (BaseElement element : removed) {
      if (element instanceof FlowNode node) {
        node.getIncoming().clear();
        node.getOutgoing().clear();
      }
      element.getParentElement().removeChildElement(element);
    }
    assertThat(model.getModelElementsByType(TimerEventDefinition.class))
        .as("the two fallbacks, the two payment reminders, the contract's reminder and its hand-over").hasSize(6);
    return model;
  }

  private List<Job> timers(ProcessInstance instance) {
    return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers().list();
  }

  private String activityOf(Job job) {
    return engine.getManagementService().createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
        .singleResult().getActivityId();
  }

  /** A new case, driven through the given task submissions in order from intake on. */
  private ProcessInstance at(List<VariableMap> submissions) {
    ProcessInstance instance = cases.apply(application());
    List<String> order = List.of(REVIEW_APPLICATION, SURVEY_SITE, DESIGN_SUPPLY_SCHEME);
    for (int i = 0; i < submissions.size(); i++) {
      cases.complete(instance, order.get(i), submissions.get(i));
    }
    return instance;
  }

  /**
   * The analyst's next version, built from today's diagram: the survey task renamed, a check of
   * the meter seal added after meter installation, the version tag raised. Deployed with the forms
   * and decision tables, as the application deploys a changed set (docs/adr/0001).
   */
  private ProcessDefinition deployChangedCopy() throws IOException {
    BpmnModelInstance model = Diagrams.obtainingWater();
    Process process = model.getModelElementById(PROCESS_KEY);
    process.setCamundaVersionTag(process.getCamundaVersionTag() + "-next");
    model.<UserTask>getModelElementById(SURVEY_SITE).setName(RENAMED_SURVEY);

    FlowNode meter = model.getModelElementById(INSTALL_METER);
    assertThat(meter.getOutgoing()).hasSize(1);
    SequenceFlow waterOn = meter.getOutgoing().iterator().next();
    UserTask check = model.newInstance(UserTask.class);
    check.setId(ADDED_TASK);
    check.setName("核验水表铅封");
    check.setCamundaCandidateGroups("metering");
    check.setCamundaDueDate("P1D");
    meter.getParentElement().addChildElement(check);
    SequenceFlow checked = model.newInstance(SequenceFlow.class);
    checked.setId("flow_meterSealChecked");
    meter.getParentElement().addChildElement(checked);
    checked.setSource(check);
    checked.setTarget(waterOn.getTarget());
    waterOn.setTarget(check);

    return deploy(model);
  }

  /** The diagram deployed with today's forms and decision tables, as the application deploys a changed set. */
  private ProcessDefinition deploy(BpmnModelInstance model) throws IOException {
    DeploymentBuilder deployment = repository.createDeployment().name(ResourceDeployment.DEPLOYMENT_NAME)
        .addModelInstance("bpmn/obtaining-water.bpmn", model);
    for (String folder : List.of("bpmn", "forms")) {
      try (Stream<Path> files = Files.list(Path.of(folder))) {
        for (Path file : files.filter(path -> path.toString().matches(".*\\.(dmn|form)$")).toList()) {
          deployment.addString(folder + "/" + file.getFileName(), Files.readString(file, StandardCharsets.UTF_8));
        }
      }
    }
    deployment.deploy();
    return latest();
  }

  /** Deploys an earlier version kept in {@code src/test/resources/previous-versions/}, checking its version tag. */
  private ProcessDefinition deployPrevious(String versionTag) throws IOException {
    ProcessDefinition previous = deploy(Bpmn.readModelFromStream(CaseMigrationTests.class.getResourceAsStream(
        "/previous-versions/obtaining-water-" + versionTag + ".bpmn")));
    assertThat(previous.getVersionTag()).isEqualTo(versionTag);
    return previous;
  }

  /** Each case's open tasks before a migration, by process instance, every case checked to run on {@code version}. */
  private Map<String, Set<String>> openTasksOn(ProcessDefinition version, List<ProcessInstance> all) {
    Map<String, Set<String>> tasksBefore = new LinkedHashMap<>();
    for (ProcessInstance instance : all) {
      assertThat(instance.getProcessDefinitionId()).isEqualTo(version.getId());
      tasksBefore.put(instance.getId(), openTaskIds(instance));
    }
    return tasksBefore;
  }

  /** Completes whatever the case is waiting for, stage after stage, until it ends. */
  private void finish(String stage, ProcessInstance instance) {
    for (int round = 0; round < 20; round++) {
      if (runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count() == 0) {
        return;
      }
      cases.executeJobs(instance);
      if (waitsFor(instance, MESSAGE_QUOTE_ACCEPTED)) {
        cases.quoteAccepted(instance, payments);
      }
      if (waitsFor(instance, MESSAGE_PAYMENT_RECEIVED)) {
        cases.paid(instance, payments, "4200" + instance.getBusinessKey().replaceAll("\\D", ""));
      }
      if (waitsFor(instance, MESSAGE_CONTRACT_SIGNED)) {
        cases.contractSigned(instance, contracts);
      }
      for (PermitKind kind : PermitKind.values()) {
        if (runtime.createEventSubscriptionQuery().processInstanceId(instance.getId()).eventName(kind.decisionMessage())
            .count() == 1) {
          cases.permitDecided(instance, kind, WORK.get(kind.decisionTask()).get());
        }
      }
      for (Task task : tasks.createTaskQuery().processInstanceId(instance.getId()).list()) {
        assertThat(WORK).as(stage + ": what to submit at " + task.getTaskDefinitionKey())
            .containsKey(task.getTaskDefinitionKey());
        tasks.complete(task.getId(), WORK.get(task.getTaskDefinitionKey()).get());
      }
      cases.executeJobs(instance);
    }
    throw new AssertionError(stage + " did not finish");
  }

  private ProcessDefinition latest() {
    return repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY).latestVersion().singleResult();
  }

  /** Every variable of the case in every scope (sub-processes and tasks too), as name=value. */
  private Set<String> variables(ProcessInstance instance) {
    return runtime.createVariableInstanceQuery().processInstanceIdIn(instance.getId()).list().stream()
        .map(variable -> variable.getId() + ":" + variable.getName() + "=" + variable.getValue())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private Set<String> openTaskIds(ProcessInstance instance) {
    return tasks.createTaskQuery().processInstanceId(instance.getId()).list().stream()
        .map(task -> task.getId() + ":" + task.getTaskDefinitionKey() + ":" + task.getAssignee())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** The command, as the administrator: every case moves onto {@code current}, its open tasks as they were. */
  private void migrateAll(ProcessDefinition current, List<ProcessInstance> all, Map<String, Set<String>> tasksBefore)
      throws Exception {
    NodeScript.Run migrated = migrateCases("admin");
    assertThat(migrated.exitCode()).as(migrated.output()).isZero();
    assertThat(migrated.output()).contains(all.size() + " case(s) migrated");
    for (ProcessInstance instance : all) {
      assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
          .getProcessDefinitionId()).as(instance.getBusinessKey()).isEqualTo(current.getId());
      assertThat(openTaskIds(instance)).as(instance.getBusinessKey() + ": open tasks stay")
          .isEqualTo(tasksBefore.get(instance.getId()));
    }
  }

  /** Runs the documented command against this application as the given user. */
  private NodeScript.Run migrateCases(String user, String... options) throws Exception {
    List<String> arguments = new java.util.ArrayList<>(List.of("--url", "http://localhost:" + port));
    arguments.addAll(List.of(options));
    NodeScript.Run run = NodeScript.run(Duration.ofMinutes(2),
        Map.of("OW_ADMIN_USER", user, "OW_ADMIN_PASSWORD", Staff.DEMO_PASSWORD), Path.of("tools/migrate-cases.mjs"),
        arguments.toArray(String[]::new));
    assertThat(run.finished()).as("migrate-cases finished").isTrue();
    return run;
  }
}
