package org.obtainingwater.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.obtainingwater.process.ObtainingWaterProcess.Elements.END_WATER_CONNECTED;
import static org.obtainingwater.process.ObtainingWaterProcess.Elements.ROAD_PERMIT_DECISION_NOT_RECEIVED;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.BUILD_EXTERNAL_PIPELINE;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.CALL_BACK_CUSTOMER;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.DESIGN_SUPPLY_SCHEME;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.INSTALL_METER;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.RECORD_ROAD_PERMIT_DECISION;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.REVIEW_APPLICATION;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.REVISE_ROAD_PERMIT_APPLICATION;
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

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.obtainingwater.adapters.RecordingSupervisorNotifier;
import org.obtainingwater.cases.Stage;
import org.obtainingwater.contract.SupplyContracts;
import org.obtainingwater.permits.PermitKind;
import org.obtainingwater.process.CaseVariables;
import org.obtainingwater.staff.StaffAccessSetup;
import org.obtainingwater.staff.StaffGroup;
import org.obtainingwater.support.CaseDriver;
import org.obtainingwater.web.ConcurrentChange;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Overdue work is escalated on working time, exactly once, and the case goes on (docs/adr/0018):
 * the engine's own due dates and timers on a real case, the clock moved with {@link ClockUtil}, jobs
 * run as the job executor would ({@link CaseDriver#executeJobs}). Run on H2 and on PostgreSQL.
 */
abstract class OverdueEscalationContract {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Autowired
  ProcessEngine engine;
  @Autowired
  SupplyContracts contracts;
  @Autowired
  RecordingSupervisorNotifier supervisors;

  CaseDriver cases;

  @BeforeEach
  void driver() {
    cases = new CaseDriver(engine);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @ParameterizedTest(name = "arrived {0}, due {1}")
  @CsvSource({
      // Half a working day (stage-targets.dmn) is half the 08:30-17:30 office day: 4 h 30 min of office time.
      "2026-11-27T15:00, 2026-11-30T10:30", // Friday: 2 h 30 before closing, the weekend does not count
      "2026-09-30T16:00, 2026-10-08T11:30", // the day before National Day: 1 to 7 October are off
      "2026-10-09T16:00, 2026-10-10T11:30", // Friday before the adjusted working Saturday (调休上班)
      "2026-11-23T09:00, 2026-11-23T13:30"}) // within one office day
  void intakeTaskAndItsTimer_areDueHalfAWorkingDayAfterTheApplicationArrives(String arrived, String due) {
    clockAt(arrived);
    ProcessInstance instance = cases.apply(application());

    Task intake = cases.task(instance, REVIEW_APPLICATION);
    assertThat(intake.getDueDate().toInstant()).isEqualTo(shanghai(due));
    assertThat(escalationTimer(instance, REVIEW_APPLICATION).getDuedate().toInstant()).isEqualTo(shanghai(due));
  }

  @Test
  void overdueTask_isEscalatedExactlyOnce_whenItsWorkingTimeDuePasses_andTheCaseGoesOn() {
    clockAt("2026-11-27T15:00"); // Friday afternoon
    ProcessInstance instance = cases.apply(application());
    Task intake = cases.task(instance, REVIEW_APPLICATION);
    assertThat(escalationTimer(instance, REVIEW_APPLICATION).getDuedate()).isEqualTo(intake.getDueDate());

    clockAt("2026-11-29T20:00"); // more than a calendar day, not a working day
    cases.executeJobs(instance);
    clockAt("2026-11-30T10:29");
    cases.executeJobs(instance);
    assertThat(supervisors.noticesFor(instance.getBusinessKey())).isEmpty();
    assertThat(isFlagged(intake)).isFalse();

    clockAt("2026-11-30T10:31");
    cases.executeJobs(instance);
    List<OverdueNotice> notices = supervisors.noticesFor(instance.getBusinessKey());
    assertThat(notices).singleElement().satisfies(notice -> {
      assertThat(notice.stage()).isEqualTo(Stage.INTAKE);
      assertThat(notice.work()).isEqualTo("受理审核");
      assertThat(notice.dueAt()).isEqualTo(shanghai("2026-11-30T10:30"));
      assertThat(notice.supervisor().name()).isEqualTo("吴磊（服务督导）");
      assertThat(notice.text(SHANGHAI)).contains(instance.getBusinessKey()).contains("2026-11-30 10:30").contains("0.5 个工作日");
    });
    Task flagged = cases.task(instance, REVIEW_APPLICATION);
    assertThat(flagged.getId()).as("the task goes on, not replaced").isEqualTo(intake.getId());
    assertThat(isFlagged(flagged)).isTrue();
    assertThat(flagged.getPriority()).isEqualTo(OverdueEscalations.OVERDUE_PRIORITY);
    assertThat(timers(instance)).as("the timer fired once and is gone").isEmpty();

    String overdue = StaffAccessSetup.OVERDUE_TASKS_FILTER;
    assertThat(filterFor(overdue, "lina")).extracting(Task::getId).contains(intake.getId());
    assertThat(filterFor(overdue, "wulei")).extracting(Task::getId).contains(intake.getId());
    assertThat(filterFor(overdue, "wangqiang")).as("the surveyor may not see intake tasks")
        .extracting(Task::getId).doesNotContain(intake.getId());

    clockAt("2026-12-03T09:00");
    cases.executeJobs(instance);
    assertThat(supervisors.noticesFor(instance.getBusinessKey())).hasSize(1);

    cases.complete(instance, REVIEW_APPLICATION, accepted());
    cases.complete(instance, SURVEY_SITE, surveyed(0, false, false));
    cases.complete(instance, DESIGN_SUPPLY_SCHEME, designed(50, 50, 8_000));
    cases.complete(instance, INSTALL_METER, meterInstalled(50));
    cases.complete(instance, CALL_BACK_CUSTOMER, calledBack(5, "满意"));
    cases.contractSigned(instance, contracts);
    assertThat(history().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
        .activityId(END_WATER_CONNECTED).count()).isEqualTo(1);
    assertThat(history().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
        .activityId("endEvent_reviewApplicationEscalated").count()).isEqualTo(1);
    assertThat(supervisors.noticesFor(instance.getBusinessKey())).hasSize(1);
  }

  @Test
  void taskCompletedBeforeItsTimerRan_leavesNoTimer_andNoEscalation() {
    clockAt("2026-11-23T09:00"); // Monday
    ProcessInstance instance = cases.apply(application());
    clockAt("2026-11-23T10:00");
    cases.complete(instance, REVIEW_APPLICATION, accepted());
    assertThat(timers(instance)).extracting(Job::getDuedate).singleElement()
        .isEqualTo(cases.task(instance, SURVEY_SITE).getDueDate());

    clockAt("2026-11-24T10:30"); // survey was due Monday 14:30; completed before the job executor got to its timer
    cases.complete(instance, SURVEY_SITE, surveyed(0, false, false));

    assertThat(timers(instance)).extracting(Job::getDuedate).singleElement()
        .isEqualTo(cases.task(instance, DESIGN_SUPPLY_SCHEME).getDueDate());
    clockAt("2026-11-25T09:00");
    cases.executeJobs(instance);
    assertThat(supervisors.noticesFor(instance.getBusinessKey())).isEmpty();
    assertThat(history().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(CaseVariables.OVERDUE.name()).count()).isZero();
  }

  @Test
  void taskCompletedAtTheMomentItsTimerRuns_eitherWins_neverBoth_andNothingIsLeftBroken() throws Exception {
    clockAt("2026-11-23T09:00");
    ProcessInstance instance = cases.apply(application());
    Task intake = cases.task(instance, REVIEW_APPLICATION);
    Job timer = escalationTimer(instance, REVIEW_APPLICATION);
    clockAt("2026-11-24T09:01");

    CyclicBarrier together = new CyclicBarrier(2);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    try {
      Future<?> clerk = threads.submit(() -> attempt(together, failures,
          () -> tasks().complete(intake.getId(), accepted())));
      Future<?> jobExecutor = threads.submit(() -> attempt(together, failures, () -> {
        try {
          management().executeJob(timer.getId());
        } catch (ProcessEngineException gone) {
          // The clerk won before the job was even read: completing the task deleted its timer, and the job
          // executor, which acquires jobs from the table, would not have found it either (ENGINE-14026). Or the
          // clerk won between reading the job and reading its execution, which the completion removed with the
          // timer: the job's command finds no execution and does nothing (H2 shows this window more often).
          String message = String.valueOf(gone.getMessage());
          boolean clerkWon = message.startsWith("ENGINE-14026")
              || message.startsWith("Cannot find execution with id") && message.contains("referenced from job");
          if (!clerkWon) {
            throw gone;
          }
        }
      }));
      clerk.get(30, TimeUnit.SECONDS);
      jobExecutor.get(30, TimeUnit.SECONDS);
    } finally {
      threads.shutdownNow();
    }
    // The loser of the race fails with a conflict and does nothing: an optimistic-locking conflict when the engine
    // notices it, a deadlock when PostgreSQL notices first (both lock the execution's rows, in a different order).
    // The clerk retries (engine-rest answers 409 for either), the job executor retries the job, which is gone
    // once the task is completed.
    assertThat(failures).allMatch(ConcurrentChange::causedBy);
    if (engine.getTaskService().createTaskQuery().taskId(intake.getId()).count() == 1) {
      tasks().complete(intake.getId(), accepted());
    }
    cases.executeJobs(instance);

    assertThat(cases.task(instance, SURVEY_SITE)).isNotNull();
    assertThat(supervisors.noticesFor(instance.getBusinessKey())).hasSizeLessThanOrEqualTo(1);
    assertThat(timers(instance)).extracting(Job::getDuedate).singleElement()
        .isEqualTo(cases.task(instance, SURVEY_SITE).getDueDate());
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
  }

  private static void attempt(CyclicBarrier together, List<Throwable> failures, Runnable work) {
    try {
      together.await(10, TimeUnit.SECONDS);
      work.run();
    } catch (RuntimeException e) {
      failures.add(e);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void permitThatDrags_isEscalatedOnce_whileItsRevisionLoopGoesOn() {
    clockAt("2026-11-23T09:00"); // Monday
    ProcessInstance instance = cases.apply(application());
    cases.complete(instance, REVIEW_APPLICATION, accepted());
    cases.complete(instance, SURVEY_SITE, surveyed(180, true, false));
    clockAt("2026-11-23T10:00");
    cases.complete(instance, DESIGN_SUPPLY_SCHEME, designed(80, 50, 26_000)); // the permit starts, due Wednesday 10:00

    clockAt("2026-11-23T16:00");
    cases.permitDecided(instance, PermitKind.ROAD, permitRejected("占道时段需避开早晚高峰"));
    clockAt("2026-11-24T09:00");
    cases.complete(instance, REVISE_ROAD_PERMIT_APPLICATION, permitRevised("改为夜间施工"));

    // The platform stays silent on the refiling: a working day later (Wednesday 09:00) the agent's task opens.
    clockAt("2026-11-25T09:59");
    cases.executeJobs(instance);
    assertThat(supervisors.noticesFor(instance.getBusinessKey())).isEmpty();
    Task refiled = cases.task(instance, RECORD_ROAD_PERMIT_DECISION); // due Friday 09:59: not overdue itself
    clockAt("2026-11-25T10:01");
    cases.executeJobs(instance);
    assertThat(supervisors.noticesFor(instance.getBusinessKey())).singleElement().satisfies(notice -> {
      assertThat(notice.stage()).isEqualTo(Stage.PERMITS);
      assertThat(notice.work()).isEqualTo("办理占道挖掘许可");
      assertThat(notice.dueAt()).isEqualTo(shanghai("2026-11-25T10:00"));
    });
    assertThat(isFlagged(refiled)).as("the permit's open task is part of the overdue permit").isTrue();
    assertThat(filterFor(StaffAccessSetup.OVERDUE_TASKS_FILTER, "chenjie")).extracting(Task::getId)
        .contains(refiled.getId());

    clockAt("2026-11-27T10:00"); // past the refiled task's own due date: already escalated with its permit
    cases.executeJobs(instance);
    assertThat(supervisors.noticesFor(instance.getBusinessKey())).hasSize(1);

    clockAt("2026-11-27T10:30");
    cases.complete(instance, RECORD_ROAD_PERMIT_DECISION, permitRejected("施工围挡方案不全"));
    cases.complete(instance, REVISE_ROAD_PERMIT_APPLICATION, permitRevised("补充围挡方案"));
    cases.platformSilent(instance, PermitKind.ROAD);
    Task third = cases.task(instance, RECORD_ROAD_PERMIT_DECISION);
    assertThat(isFlagged(third)).as("a task re-entered in the loop starts unflagged").isFalse();
    assertThat(escalationTimer(instance, RECORD_ROAD_PERMIT_DECISION).getDuedate()).isEqualTo(third.getDueDate());
    cases.complete(instance, RECORD_ROAD_PERMIT_DECISION, permitApproved("株建占字〔2026〕301号"));
    cases.complete(instance, BUILD_EXTERNAL_PIPELINE, pipelineBuilt());
    cases.complete(instance, INSTALL_METER, meterInstalled(50));
    cases.complete(instance, CALL_BACK_CUSTOMER, calledBack(5, "满意"));
    cases.contractSigned(instance, contracts);

    assertThat(history().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
        .activityId(END_WATER_CONNECTED).count()).isEqualTo(1);
    assertThat(supervisors.noticesFor(instance.getBusinessKey())).hasSize(1);
  }

  /**
   * The permit waits for the platform; after a working day of silence the agent's task opens (docs/adr/0041); the
   * permit's target passes while that task is open: the supervisor is told once, for the permit, and not again when
   * the task's own due date passes.
   */
  @Test
  void permitWaitingForThePlatform_fallsBackAfterAWorkingDay_andTheSupervisorIsToldOnce() {
    clockAt("2026-11-23T09:00");
    ProcessInstance instance = cases.apply(application());
    cases.complete(instance, REVIEW_APPLICATION, accepted());
    cases.complete(instance, SURVEY_SITE, surveyed(180, true, false));
    cases.complete(instance, DESIGN_SUPPLY_SCHEME, designed(80, 50, 26_000));
    assertThat(management().createJobQuery().processInstanceId(instance.getId()).timers()
        .activityId(ROAD_PERMIT_DECISION_NOT_RECEIVED).singleResult().getDuedate().toInstant())
        .isEqualTo(shanghai("2026-11-24T09:00"));

    clockAt("2026-11-24T08:59");
    cases.executeJobs(instance);
    assertThat(tasks().createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
    clockAt("2026-11-24T09:01");
    cases.executeJobs(instance);
    Task decision = cases.task(instance, RECORD_ROAD_PERMIT_DECISION);
    assertThat(supervisors.noticesFor(instance.getBusinessKey())).isEmpty();

    clockAt("2026-11-25T09:01"); // the permit's two working days
    cases.executeJobs(instance);
    assertThat(supervisors.noticesFor(instance.getBusinessKey())).singleElement()
        .satisfies(notice -> assertThat(notice.work()).isEqualTo("办理占道挖掘许可"));
    assertThat(isFlagged(decision)).isTrue();

    ClockUtil.setCurrentTime(Date.from(decision.getDueDate().toInstant().plus(Duration.ofMinutes(1))));
    cases.executeJobs(instance);
    assertThat(supervisors.noticesFor(instance.getBusinessKey())).hasSize(1);
    assertThat(timers(instance)).isEmpty();
  }

  @Test
  void dueSoonFilter_showsSupervisorsTheTasksDueWithinOneWorkingDayAndNotYetOverdue() {
    clockAt("2026-11-26T09:00");
    ProcessInstance instance = cases.apply(application());
    cases.complete(instance, REVIEW_APPLICATION, accepted());
    cases.complete(instance, SURVEY_SITE, surveyed(40, false, false));
    cases.complete(instance, DESIGN_SUPPLY_SCHEME, designed(80, 50, 26_000));
    Task construction = cases.task(instance, BUILD_EXTERNAL_PIPELINE); // ten working days
    Instant due = construction.getDueDate().toInstant();
    String dueSoon = StaffAccessSetup.DUE_SOON_TASKS_FILTER;

    assertThat(filterFor(dueSoon, "wulei")).extracting(Task::getId).as("due in ten working days")
        .doesNotContain(construction.getId());

    ClockUtil.setCurrentTime(Date.from(due.minus(Duration.ofHours(2))));
    assertThat(filterFor(dueSoon, "wulei")).extracting(Task::getId).contains(construction.getId());

    ClockUtil.setCurrentTime(Date.from(due.plus(Duration.ofMinutes(1)))); // overdue now: it belongs to 已超期任务
    assertThat(filterFor(dueSoon, "wulei")).extracting(Task::getId).doesNotContain(construction.getId());
  }

  @Test
  void dueSoonFilter_onFridayAfternoon_reachesOverTheWeekendToMondaysTasks() {
    clockAt("2026-11-27T15:00"); // Friday afternoon: the intake task is due Monday 10:30
    ProcessInstance instance = cases.apply(application());
    Task intake = cases.task(instance, REVIEW_APPLICATION);

    clockAt("2026-11-27T16:00");
    assertThat(filterFor(StaffAccessSetup.DUE_SOON_TASKS_FILTER, "wulei")).extracting(Task::getId)
        .as("due Monday 10:30, within one working day of Friday 16:00").contains(intake.getId());
  }

  @Test
  void overdueFilter_isSharedWithEveryGroup_withTheTaskCardColumns_andCreatedOnce() {
    assertCreatedOnceWithTheTaskCardColumns(StaffAccessSetup.OVERDUE_TASKS_FILTER, group -> 1);
  }

  @Test
  void dueSoonFilter_isTheSupervisorsOnly_withTheTaskCardColumns_andCreatedOnce() {
    assertCreatedOnceWithTheTaskCardColumns(StaffAccessSetup.DUE_SOON_TASKS_FILTER,
        group -> group == StaffGroup.SUPERVISORS ? 1 : 0);
  }

  // --- helpers -------------------------------------------------------------------------

  static void clockAt(String shanghaiLocalTime) {
    ClockUtil.setCurrentTime(Date.from(shanghai(shanghaiLocalTime)));
  }

  static Instant shanghai(String localTime) {
    return LocalDateTime.parse(localTime).atZone(SHANGHAI).toInstant();
  }

  /** The pending escalation timer on the task, asserting there is exactly one. */
  Job escalationTimer(ProcessInstance instance, String taskDefinitionKey) {
    String boundary = "boundaryEvent_" + taskDefinitionKey.substring("userTask_".length()) + "Overdue";
    List<Job> timers = management().createJobQuery().processInstanceId(instance.getId()).timers()
        .activityId(boundary).list();
    assertThat(timers).as(boundary).hasSize(1);
    return timers.get(0);
  }

  List<Job> timers(ProcessInstance instance) {
    return management().createJobQuery().processInstanceId(instance.getId()).timers().list();
  }

  boolean isFlagged(Task task) {
    return Boolean.TRUE.equals(tasks().getVariableLocal(task.getId(), CaseVariables.OVERDUE.name()));
  }

  /** The filter's tasks as Tasklist lists them for this user, with the user's rights. */
  List<Task> filterFor(String filterName, String userId) {
    IdentityService identity = engine.getIdentityService();
    List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    Filter filter = engine.getFilterService().createFilterQuery().filterName(filterName).singleResult();
    identity.setAuthentication(userId, groups);
    try {
      return engine.getFilterService().list(filter.getId());
    } finally {
      identity.clearAuthentication();
    }
  }

  /** The filter exists once, shows the queues' task card columns, and each group has the grants given. */
  void assertCreatedOnceWithTheTaskCardColumns(String filterName, ToLongFunction<StaffGroup> grantsOfGroup) {
    FilterService filters = engine.getFilterService();
    List<Filter> found = filters.createFilterQuery().filterName(filterName).list();
    assertThat(found).hasSize(1);
    Filter queue = filters.createFilterQuery().filterName(StaffGroup.SURVEY.filterName()).singleResult();
    assertThat(found.get(0).getProperties().get("variables")).isEqualTo(queue.getProperties().get("variables"));
    for (StaffGroup group : StaffGroup.values()) {
      assertThat(engine.getAuthorizationService().createAuthorizationQuery().groupIdIn(group.id())
          .resourceType(org.camunda.bpm.engine.authorization.Resources.FILTER).resourceId(found.get(0).getId())
          .count()).as(group.id()).isEqualTo(grantsOfGroup.applyAsLong(group));
    }
  }

  ManagementService management() {
    return engine.getManagementService();
  }

  TaskService tasks() {
    return engine.getTaskService();
  }

  HistoryService history() {
    return engine.getHistoryService();
  }

}
