package org.obtainingwater.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.obtainingwater.contract.SupplyContracts;
import org.obtainingwater.payment.PaymentOrder;
import org.obtainingwater.payment.Payments;
import org.obtainingwater.permits.PermitKind;
import org.obtainingwater.process.CaseVariables;
import org.obtainingwater.process.ObtainingWaterProcess;
import org.obtainingwater.process.PreEngagementProcess;

/**
 * Drives obtainingWater cases (and preEngagement projects) through the engine's Java API as staff and the job executor would:
 * start, complete a stage's task, run the asynchronous steps that follow.
 */
public final class CaseDriver {

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;

  public CaseDriver(ProcessEngine engine) {
    this.runtime = engine.getRuntimeService();
    this.tasks = engine.getTaskService();
    this.management = engine.getManagementService();
  }

  /** The utility's zone: the local times the clocked methods take are Beijing time. */
  public static final ZoneId UTILITY_ZONE = ZoneId.of("Asia/Shanghai");

  /** Sets the engine's clock to a local time of the utility, e.g. {@code 2025-09-01T09:00}. */
  public static void clockAt(String localTime) {
    ClockUtil.setCurrentTime(Date.from(local(localTime)));
  }

  /** A local time of the utility, e.g. {@code 2025-09-01T09:00}, as an instant (to compare due dates with). */
  public static Instant local(String localTime) {
    return LocalDateTime.parse(localTime).atZone(UTILITY_ZONE).toInstant();
  }

  /** Files an application at that local time (the engine's clock stays there). */
  public ProcessInstance applyAt(String localTime, VariableMap application) {
    clockAt(localTime);
    return apply(application);
  }

  /** Completes the stage's open task at that local time (the engine's clock stays there). */
  public void completeAt(ProcessInstance instance, String localTime, String taskDefinitionKey, VariableMap submitted) {
    clockAt(localTime);
    complete(instance, taskDefinitionKey, submitted);
  }

  /**
   * The decision on the case's permit of this kind becomes known at that local time (the clock stays there). What
   * fell due before happens first (after a working day of the platform's silence the permit agent's task opened);
   * then the platform's decision message ends the wait or, when the agent's task is open, the decision is recorded
   * on that task, as the platform's late report completes it (docs/adr/0041).
   */
  public void permitDecidedAt(ProcessInstance instance, String localTime, PermitKind kind, VariableMap decision) {
    clockAt(localTime);
    executeJobs(instance);
    if (tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(kind.decisionTask()).count() == 1) {
      complete(instance, kind.decisionTask(), decision);
    } else {
      permitDecided(instance, kind, decision);
    }
  }

  /** Files an application and runs the steps up to the first task (intake). */
  public ProcessInstance apply(VariableMap application) {
    ProcessInstance instance = runtime.startProcessInstanceByKey(ObtainingWaterProcess.PROCESS_KEY, application);
    executeJobs(instance);
    return runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult();
  }

  /** Registers a project for pre-engagement (提前办) as the account manager's start form does, up to the pre-survey. */
  public ProcessInstance register(VariableMap project) {
    ProcessInstance instance = runtime.startProcessInstanceByKey(PreEngagementProcess.PROCESS_KEY, project);
    executeJobs(instance);
    return runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult();
  }

  /**
   * A project through pre-survey (120 m outside the red line, along a road), pre-design (DN150 pipe,
   * DN100 meter) and, when {@code pipeAheadDecision} is build, the pipe built ahead: waiting for its application.
   */
  public ProcessInstance projectWaitingForApplication(String reference, String pipeAheadDecision) {
    ProcessInstance project = register(TestCases.projectListed(reference));
    complete(project, PreEngagementProcess.UserTasks.PRE_SURVEY_SITE, TestCases.surveyed(120, true, false));
    complete(project, PreEngagementProcess.UserTasks.PRE_DESIGN_SUPPLY_SCHEME, TestCases.designed(150, 100, 86_000));
    complete(project, PreEngagementProcess.UserTasks.DECIDE_PIPE_AHEAD, TestCases.pipeAhead(pipeAheadDecision));
    if (PreEngagementProcess.BUILD_AHEAD.equals(pipeAheadDecision)) {
      complete(project, PreEngagementProcess.UserTasks.BUILD_PIPE_AHEAD, TestCases.pipelineBuilt());
    }
    task(project, PreEngagementProcess.UserTasks.AWAIT_APPLICATION);
    return project;
  }

  /** The running case with this application number. */
  public ProcessInstance instance(String applicationNumber) {
    ProcessInstance running = runtime.createProcessInstanceQuery()
        .processDefinitionKey(ObtainingWaterProcess.PROCESS_KEY).processInstanceBusinessKey(applicationNumber).singleResult();
    assertThat(running).as("running case %s", applicationNumber).isNotNull();
    return running;
  }

  /** The single open task with this id in the case; fails when there is none or several. */
  public Task task(ProcessInstance instance, String taskDefinitionKey) {
    List<Task> open = tasks.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(taskDefinitionKey).list();
    assertThat(open).as("open tasks %s", taskDefinitionKey).hasSize(1);
    return open.get(0);
  }

  /** Completes the stage's open task with what its form submits, then runs the asynchronous steps. */
  public void complete(ProcessInstance instance, String taskDefinitionKey, VariableMap submitted) {
    tasks.complete(task(instance, taskDefinitionKey).getId(), submitted);
    executeJobs(instance);
  }

  /**
   * The city's platform reports its decision on the case's permit of this kind: the decision message the permit's
   * receive task waits for, correlated by business key and permit kind as {@code permits.PermitDecisions} correlates
   * it (docs/adr/0041), then the asynchronous steps. Fails when the permit does not wait for the platform.
   */
  public void permitDecided(ProcessInstance instance, PermitKind kind, VariableMap decision) {
    assertThat(runtime.createEventSubscriptionQuery().processInstanceId(instance.getId())
        .eventName(kind.decisionMessage()).count()).as("%s waits for the platform's decision", kind.awaitDecision())
        .isEqualTo(1);
    runtime.createMessageCorrelation(kind.decisionMessage()).processInstanceBusinessKey(instance.getBusinessKey())
        .setVariables(decision).correlateWithResult();
    executeJobs(instance);
  }

  /**
   * Staff record at the counter that the customer accepted the case's quote (docs/adr/0043), as
   * {@code POST /api/v1/staff/quotes/{n}/acceptance} does, then the asynchronous steps. Fails when the case does not
   * wait for the acceptance.
   */
  public void quoteAccepted(ProcessInstance instance, Payments payments) {
    assertThat(runtime.createEventSubscriptionQuery().processInstanceId(instance.getId())
        .eventName(ObtainingWaterProcess.MESSAGE_QUOTE_ACCEPTED).count()).as("waits for the quote's acceptance").isEqualTo(1);
    payments.acceptAtCounter(instance.getBusinessKey(), "lina");
    executeJobs(instance);
  }

  /**
   * The customer pays the quoted fee: the payment order as the customer page starts it, then the gateway's
   * notification of it (transaction {@code transaction}), then the asynchronous steps. Returns the order as paid.
   */
  public PaymentOrder paid(ProcessInstance instance, Payments payments, String transaction) {
    String phone = (String) runtime.getVariable(instance.getId(), CaseVariables.CONTACT_PHONE.name());
    PaymentOrder order = payments.startPayment(instance.getBusinessKey(), phone);
    PaymentOrder paid = payments.notified(order.reference(), order.amount(), transaction,
        ClockUtil.getCurrentTime().toInstant().atOffset(java.time.ZoneOffset.UTC)).order();
    executeJobs(instance);
    return paid;
  }

  /**
   * The customer signs the supply contract issued at water-on at the counter, as staff record it through
   * {@code POST /api/v1/staff/contracts/{n}/counter-signature} (docs/adr/0040), then the asynchronous steps: the
   * case's wait for the signature ends (docs/adr/0046).
   */
  public void contractSigned(ProcessInstance instance, SupplyContracts contracts) {
    String phone = (String) runtime.getVariable(instance.getId(), CaseVariables.CONTACT_PHONE.name());
    contracts.signAtCounter(instance.getBusinessKey(), phone, "lina",
        contracts.get(instance.getBusinessKey()).documentSha256());
    executeJobs(instance);
  }

  /**
   * The platform stays silent on the permit of this kind until its fallback timer fires (the engine's clock is not
   * moved): the permit agent's task {@code userTask_record…PermitDecision} opens.
   */
  public void platformSilent(ProcessInstance instance, PermitKind kind) {
    management.executeJob(fallbackTimer(instance, kind));
    executeJobs(instance);
  }

  /** The id of the permit's fallback timer job (one working day of the platform's silence, docs/adr/0041). */
  public String fallbackTimer(ProcessInstance instance, PermitKind kind) {
    return timer(instance, kind.decisionNotReceived()).getId();
  }

  /** The case's one timer job of this boundary or catch event; fails when there is none or several. */
  public Job timer(ProcessInstance instance, String activityId) {
    List<Job> timers = management.createJobQuery().processInstanceId(instance.getId()).timers().list().stream()
        .filter(job -> activityId.equals(management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
            .singleResult().getActivityId()))
        .toList();
    assertThat(timers).as("timer %s", activityId).hasSize(1);
    return timers.get(0);
  }


  /**
   * Works a case through the short path (no works outside the red line) until water is on and the callback
   * waits: intake, survey, design, meter installation, as their forms submit.
   */
  public void toWaterOn(ProcessInstance instance) {
    executeJobs(instance);
    complete(instance, ObtainingWaterProcess.UserTasks.REVIEW_APPLICATION, TestCases.accepted());
    complete(instance, ObtainingWaterProcess.UserTasks.SURVEY_SITE, TestCases.surveyed(0, false, false));
    complete(instance, ObtainingWaterProcess.UserTasks.DESIGN_SUPPLY_SCHEME, TestCases.designed(50, 50, 8_000));
    complete(instance, ObtainingWaterProcess.UserTasks.INSTALL_METER, TestCases.meterInstalled(50));
  }

  /** Works a case until its survey task waits (intake accepted): where the customer books the survey visit. */
  public void toSurvey(ProcessInstance instance) {
    executeJobs(instance);
    complete(instance, ObtainingWaterProcess.UserTasks.REVIEW_APPLICATION, TestCases.accepted());
  }

  /** Works a case on the short path until its meter installation task waits: where the meter visit is booked. */
  public void toMetering(ProcessInstance instance) {
    toSurvey(instance);
    complete(instance, ObtainingWaterProcess.UserTasks.SURVEY_SITE, TestCases.surveyed(0, false, false));
    complete(instance, ObtainingWaterProcess.UserTasks.DESIGN_SUPPLY_SCHEME, TestCases.designed(50, 50, 8_000));
  }

  /** Runs due jobs of the case (async continuations) until none is left, as the job executor would. */
  public void executeJobs(ProcessInstance instance) {
    for (int round = 0; round < 50; round++) {
      List<Job> due = management.createJobQuery().processInstanceId(instance.getId()).executable().list();
      if (due.isEmpty()) {
        return;
      }
      // a job that ran earlier in the round may have removed another (a timer ending the wait the other's is on)
      due.stream().filter(job -> management.createJobQuery().jobId(job.getId()).count() == 1)
          .forEach(job -> management.executeJob(job.getId()));
    }
    throw new AssertionError("Jobs keep coming for " + instance.getId());
  }
}
