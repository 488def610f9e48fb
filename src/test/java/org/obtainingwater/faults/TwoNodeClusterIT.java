package org.obtainingwater.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.BUILD_EXTERNAL_PIPELINE;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.CALL_BACK_CUSTOMER;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.DESIGN_SUPPLY_SCHEME;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.INSTALL_METER;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.REVIEW_APPLICATION;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.SURVEY_SITE;
import static org.obtainingwater.support.TestCases.accepted;
import static org.obtainingwater.support.TestCases.calledBack;
import static org.obtainingwater.support.TestCases.designed;
import static org.obtainingwater.support.TestCases.meterInstalled;
import static org.obtainingwater.support.TestCases.pipelineBuilt;
import static org.obtainingwater.support.TestCases.surveyed;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.obtainingwater.ObtainingWaterApplication;
import org.obtainingwater.adapters.RecordingSupervisorNotifier;
import org.obtainingwater.contract.SupplyContracts;
import org.obtainingwater.notification.NotificationOutbox;
import org.obtainingwater.notification.OutboxEntry;
import org.obtainingwater.permits.FiledPermit;
import org.obtainingwater.permits.PermitFilings;
import org.obtainingwater.permits.PermitKind;
import org.obtainingwater.staff.StaffAccessSetup;
import org.obtainingwater.support.Answer;
import org.obtainingwater.support.ApiClient;
import org.obtainingwater.support.AtOnce;
import org.obtainingwater.support.Staff;
import org.obtainingwater.support.StaffWalk;
import org.obtainingwater.support.TestPostgres;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Two application nodes on one PostgreSQL, as Camunda 7 clusters: no node knows the other, the
 * database is the shared state, and both run a job executor. A case filed through one node's API is
 * worked on the other node, permit decisions arrive at either, and every asynchronous step (notices,
 * permit filings, the join, the billing account) runs exactly once across the two.
 */
class TwoNodeClusterIT {

  static EmbeddedPostgres database;
  static ConfigurableApplicationContext nodeA;
  static ConfigurableApplicationContext nodeB;

  @BeforeAll
  static void startTwoNodes() throws IOException {
    database = TestPostgres.testDefault().start();
    // One after the other, as a rolling start: the first node creates the schemas and the staff.
    nodeA = node("node-a");
    nodeB = node("node-b");
  }

  @AfterAll
  static void stop() throws IOException {
    for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {nodeB, nodeA}) {
      if (node != null) {
        node.close();
      }
    }
    if (database != null) {
      database.close();
    }
  }

  static ConfigurableApplicationContext node(String name) {
    return new SpringApplicationBuilder(ObtainingWaterApplication.class)
        .profiles("demo", "postgres", "test")
        .run("--spring.datasource.url=" + database.getJdbcUrl("postgres", "postgres"),
            "--spring.datasource.username=postgres", "--spring.datasource.password=",
            "--server.port=0",
            "--camunda.bpm.job-execution.enabled=true",
            // Idle job executors look for due jobs at least every 2 s (default: backing off up to 60 s),
            // so a timer made due by the test is picked up while it waits.
            "--camunda.bpm.job-execution.max-wait=2000",
            // The job log records which node ran each job.
            "--camunda.bpm.generic-properties.properties.hostname=" + name);
  }

  @Test
  void aCaseFiledOnOneNode_isWorkedOnTheOther_andEveryAsynchronousStepRunsOnce() throws Exception {
    ApiClient apiA = new ApiClient(port(nodeA));
    ApiClient apiB = new ApiClient(port(nodeB));
    ProcessEngine engineB = nodeB.getBean(ProcessEngine.class);

    Answer filed = apiA.apply(ApiClient.application(), "cluster-" + System.nanoTime());
    assertThat(filed.status()).as(filed.body()).isEqualTo(201);
    String number = filed.json().get("applicationNumber").asText();

    complete(engineB, number, REVIEW_APPLICATION, accepted());
    complete(engineB, number, SURVEY_SITE, surveyed(180, true, true));
    complete(engineB, number, DESIGN_SUPPLY_SCHEME, designed(80, 50, 26_000));
    awaitPlatformDecision(engineB, number, PermitKind.ROAD);
    awaitPlatformDecision(engineB, number, PermitKind.GREENERY);
    PermitFilings filings = nodeB.getBean(PermitFilings.class);
    assertThat(apiA.decide(latest(filings, number, PermitKind.ROAD).reference(),
        "{\"decision\":\"approved\",\"permitNumber\":\"株建占字〔2026〕401号\"}").status()).isEqualTo(200);
    assertThat(apiB.decide(latest(filings, number, PermitKind.GREENERY).reference(),
        "{\"decision\":\"approved\",\"permitNumber\":\"株园林许〔2026〕401号\"}").status()).isEqualTo(200);
    complete(engineB, number, BUILD_EXTERNAL_PIPELINE, pipelineBuilt());
    complete(engineB, number, INSTALL_METER, meterInstalled(50));
    complete(engineB, number, CALL_BACK_CUSTOMER, calledBack(5, "两个节点之间无缝衔接"));
    // the customer signs the contract at a counter served by the other node (docs/adr/0046)
    Answer signed = StaffWalk.counterSigns(Staff.app(port(nodeA)), number,
        nodeA.getBean(SupplyContracts.class).get(number).documentSha256());
    assertThat(signed.status()).as(signed.body()).isEqualTo(201);
    awaitEnded(engineB, number);

    Answer status = apiA.status(number, ApiClient.PHONE);
    assertThat(status.json().get("stage").asText()).isEqualTo("CLOSED");
    assertThat(filings.filingsFor(number)).as("each permit filed once").extracting(FiledPermit::kind)
        .containsExactlyInAnyOrder(PermitKind.ROAD, PermitKind.GREENERY);
    List<OutboxEntry> notices = nodeA.getBean(NotificationOutbox.class).entriesFor(number);
    assertThat(notices.stream().collect(Collectors.groupingBy(entry -> entry.notice().type(), Collectors.counting())))
        .as("each notice composed once").allSatisfy((type, count) -> assertThat(count).as(type.name()).isEqualTo(1));

    List<HistoricJobLog> successes = engineB.getHistoryService().createHistoricJobLogQuery()
        .processInstanceId(processInstanceId(engineB, number)).successLog().list();
    assertThat(successes).isNotEmpty();
    Map<String, Long> runsPerJob = successes.stream()
        .collect(Collectors.groupingBy(HistoricJobLog::getJobId, Collectors.counting()));
    assertThat(runsPerJob).as("every job ran once across both nodes").allSatisfy((job, runs) -> assertThat(runs).isEqualTo(1));
    assertThat(successes).extracting(HistoricJobLog::getHostname).isSubsetOf("node-a", "node-b");
  }

  @Test
  void overdueTimersFallingDueAtOnce_escalateOnceAcrossBothNodes_eachTimerJobRunOnce() throws Exception {
    ProcessEngine engineA = nodeA.getBean(ProcessEngine.class);
    ProcessEngine engineB = nodeB.getBean(ProcessEngine.class);
    assertThat(List.of(engineA, engineB)).as("both job executors run")
        .allSatisfy(engine -> assertThat(((ProcessEngineImpl) engine).getProcessEngineConfiguration().getJobExecutor()
            .isActive()).isTrue());
    List<String> numbers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      ApiClient api = new ApiClient(port(i % 2 == 0 ? nodeA : nodeB));
      Answer filed = api.apply(ApiClient.application(), "cluster-timer-" + i + "-" + System.nanoTime());
      assertThat(filed.status()).as(filed.body()).isEqualTo(201);
      numbers.add(filed.json().get("applicationNumber").asText());
    }
    ManagementService management = engineA.getManagementService();
    List<String> timers = new ArrayList<>();
    Date now = new Date();
    for (String number : numbers) {
      await(engineA, number, REVIEW_APPLICATION);
      // The intake task's 超过办理时限 timer, due a working day from now: made due now for both nodes at once.
      Job timer = management.createJobQuery().processInstanceId(processInstanceId(engineA, number)).timers()
          .activityId("boundaryEvent_reviewApplicationOverdue").singleResult();
      timers.add(timer.getId());
      management.setJobDuedate(timer.getId(), now);
    }

    RecordingSupervisorNotifier notifiedByA = nodeA.getBean(RecordingSupervisorNotifier.class);
    RecordingSupervisorNotifier notifiedByB = nodeB.getBean(RecordingSupervisorNotifier.class);
    poll(() -> management.createJobQuery().jobIds(Set.copyOf(timers)).count() == 0 ? true : null, "every timer ran");
    for (String number : numbers) {
      assertThat(notifiedByA.noticesFor(number).size() + notifiedByB.noticesFor(number).size())
          .as(number + ": the supervisor is told once, by either node").isEqualTo(1);
      Task intake = await(engineB, number, REVIEW_APPLICATION);
      assertThat(engineB.getTaskService().getVariableLocal(intake.getId(), "overdue")).isEqualTo(true);
    }
    List<HistoricJobLog> timerRuns = engineB.getHistoryService().createHistoricJobLogQuery().successLog().list().stream()
        .filter(log -> timers.contains(log.getJobId())).toList();
    assertThat(timerRuns).as("one successful run per timer").hasSize(timers.size())
        .extracting(HistoricJobLog::getJobId).doesNotHaveDuplicates();
    assertThat(timerRuns).extracting(HistoricJobLog::getHostname).isSubsetOf("node-a", "node-b");
    System.out.println("CLUSTER: timers run per node " + timerRuns.stream()
        .collect(Collectors.groupingBy(HistoricJobLog::getHostname, Collectors.counting())));
  }

  @Test
  void bothNodesSettingUpStaffAccessAtOnce_createEachFilterAndGrantOnce() throws Exception {
    ProcessEngine engineA = nodeA.getBean(ProcessEngine.class);
    ProcessEngine engineB = nodeB.getBean(ProcessEngine.class);
    FilterService filters = engineA.getFilterService();
    // As after a release that adds filters: none exists yet when both nodes start.
    filters.createFilterQuery().list().forEach(filter -> filters.deleteFilter(filter.getId()));
    StaffAccessSetup setupA = nodeA.getBean(StaffAccessSetup.class);
    StaffAccessSetup setupB = nodeB.getBean(StaffAccessSetup.class);

    AtOnce.run(() -> {
      setupA.postProcessEngineBuild(engineA);
      return null;
    }, () -> {
      setupB.postProcessEngineBuild(engineB);
      return null;
    });

    assertThat(filters.createFilterQuery().list()).extracting(Filter::getName).as("each filter once")
        .doesNotHaveDuplicates().contains(StaffAccessSetup.MY_TASKS_FILTER, StaffAccessSetup.OVERDUE_TASKS_FILTER,
            StaffAccessSetup.DUE_SOON_TASKS_FILTER);
    assertThat(engineB.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.FILTER).list())
        .extracting(Authorization::getGroupId, Authorization::getResourceId).as("each filter granted once per group")
        .doesNotHaveDuplicates();
  }

  static int port(ConfigurableApplicationContext node) {
    return Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
  }

  static FiledPermit latest(PermitFilings filings, String number, PermitKind kind) {
    return filings.filingsFor(number).stream().filter(filing -> filing.kind() == kind)
        .reduce((earlier, later) -> later).orElseThrow();
  }

  static void complete(ProcessEngine engine, String number, String taskKey, VariableMap submitted) throws Exception {
    engine.getTaskService().complete(await(engine, number, taskKey).getId(), submitted);
  }

  /** The case's open task, once the job executors of either node have carried the case to it. */
  static Task await(ProcessEngine engine, String number, String taskKey) throws Exception {
    return poll(() -> engine.getTaskService().createTaskQuery().processInstanceBusinessKey(number)
        .taskDefinitionKey(taskKey).singleResult(), "task " + taskKey + " of " + number);
  }

  /** Until the case's permit of this kind waits for the platform's decision message (docs/adr/0041). */
  static void awaitPlatformDecision(ProcessEngine engine, String number, PermitKind kind) throws Exception {
    poll(() -> engine.getRuntimeService().createEventSubscriptionQuery().eventName(kind.decisionMessage())
        .processInstanceId(processInstanceId(engine, number)).singleResult(), kind.awaitDecision() + " of " + number);
  }

  static void awaitEnded(ProcessEngine engine, String number) throws Exception {
    poll(() -> engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(number)
        .finished().singleResult(), number + " finished");
  }

  static String processInstanceId(ProcessEngine engine, String number) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(number)
        .singleResult().getId();
  }

  static <T> T poll(java.util.function.Supplier<T> probe, String what) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      T found = probe.get();
      if (found != null) {
        return found;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("waited in vain for " + what);
  }
}
