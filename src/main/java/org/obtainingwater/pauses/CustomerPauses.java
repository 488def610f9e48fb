package org.obtainingwater.pauses;

import static org.obtainingwater.cases.RequestRefusedException.Reason.CONFLICT;
import static org.obtainingwater.process.CaseVariables.AWAITING_CUSTOMER;
import static org.obtainingwater.process.CaseVariables.PAUSE_REASON;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.obtainingwater.cases.CaseRecord;
import org.obtainingwater.cases.CaseRecords;
import org.obtainingwater.cases.RequestRefusedException;
import org.obtainingwater.cases.Stage;
import org.obtainingwater.notification.NotificationOutbox;
import org.obtainingwater.process.AsTheApplication;
import org.obtainingwater.process.ObtainingWaterProcess.UserTasks;
import org.obtainingwater.process.PauseReason;
import org.obtainingwater.sla.CustomerTime;
import org.obtainingwater.sla.WorkingCalendar;
import org.obtainingwater.visits.VisitBookings;
import org.obtainingwater.visits.VisitKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clock stops for the customer (等待客户条件具备, docs/adr/0045). Survey or metering staff complete their task
 * with the pause ticked and a reason; the diagram then waits at a task of its own ({@link UserTasks#CUSTOMER_WAITS})
 * until the customer says "ready" on the page ({@link #resumeByCustomer}) or staff complete it in Tasklist; the
 * stage's task is then created again. The paused working time is one cause of customer time per pause
 * ({@code PAUSE_<STAGE>_<n>}) in {@link CustomerTime}: the task created again is due at the first task's due date
 * plus the stage's customer time (the diagram's {@code stageTargets.dueIn(stage, execution)}), its overdue timer
 * too, and the scorecard takes the time off the utility's.
 *
 * <p>Bookkeeping runs on the starter's task events, in the engine's transaction, as the case record's stage does:
 * the diagram shows where the clock stops and carries no listener for it.
 */
@Service
public class CustomerPauses {

  private static final Logger LOG = LoggerFactory.getLogger(CustomerPauses.class);

  /** The stage's task the pause follows, and the wait, to their stage. */
  private static final Map<String, Stage> STAGES = Map.of(
      UserTasks.SURVEY_SITE, Stage.SURVEY, UserTasks.AWAIT_SURVEY_READINESS, Stage.SURVEY,
      UserTasks.INSTALL_METER, Stage.METERING, UserTasks.AWAIT_METER_READINESS, Stage.METERING);

  static final String CAUSE_PREFIX = "PAUSE_";

  /** A case waiting for its customer, as the customer's page shows it. */
  public record Pause(Stage stage, PauseReason reason, OffsetDateTime since) {
  }

  private final CaseRecords records;
  private final CustomerTime customerTime;
  private final WorkingCalendar calendar;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final NotificationOutbox outbox;
  private final VisitBookings visits;

  CustomerPauses(CaseRecords records, CustomerTime customerTime, WorkingCalendar calendar, TaskService tasks,
      RuntimeService runtime, IdentityService identity, NotificationOutbox outbox, VisitBookings visits) {
    this.records = records;
    this.customerTime = customerTime;
    this.calendar = calendar;
    this.tasks = tasks;
    this.runtime = runtime;
    this.identity = identity;
    this.outbox = outbox;
    this.visits = visits;
  }

  /**
   * The stage's task was completed with the pause ticked: the pause gets its cause now, with no time yet, while the
   * task's due date (the stage's due date without customer time) is known; the task created after the pause counts
   * from it.
   */
  @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_COMPLETE + "'")
  public void onComplete(DelegateTask task) {
    String key = task.getTaskDefinitionKey();
    Stage stage = STAGES.get(key);
    String number = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
    if (stage == null || number == null) {
      return;
    }
    if (UserTasks.CUSTOMER_WAITS.contains(key)) {
      resumed(task, number, stage);
    } else if (Boolean.TRUE.equals(task.getVariable(AWAITING_CUSTOMER.name()))) {
      paused(task, number, stage);
    }
  }

  /** The wait task exists: the customer is told why and how to resume, with this transaction's commit. */
  @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_CREATE + "'")
  public void onCreate(DelegateTask task) {
    Stage stage = STAGES.get(task.getTaskDefinitionKey());
    if (stage == null || !UserTasks.CUSTOMER_WAITS.contains(task.getTaskDefinitionKey())) {
      return;
    }
    String number = task.getExecution().getProcessBusinessKey();
    records.find(number).ifPresent(record -> outbox.sendCasePaused(number, record.contactPhone(), stage.label(),
        reason(task).label()));
  }

  private void paused(DelegateTask task, String number, Stage stage) {
    int pause = customerTime.count(number, stage, cause(stage, "")) + 1;
    PauseReason reason = reason(task);
    customerTime.record(number, stage, cause(stage, String.valueOf(pause)), label(reason), Duration.ZERO,
        task.getDueDate() == null ? null : task.getDueDate().toInstant());
    VisitKind.bookableIn(stage).ifPresent(kind -> visits.spentByPause(number, kind, pause, task.getExecution()));
    LOG.info("Application {}: {} paused for the customer ({}), pause {}", number, stage, reason.code(), pause);
  }

  private void resumed(DelegateTask task, String number, Stage stage) {
    int pause = customerTime.count(number, stage, cause(stage, ""));
    Instant now = ClockUtil.getCurrentTime().toInstant();
    Duration paused = calendar.workingTimeBetween(task.getCreateTime().toInstant(), now);
    customerTime.record(number, stage, cause(stage, String.valueOf(Math.max(pause, 1))), label(reason(task)),
        paused.isNegative() ? Duration.ZERO : paused, null);
    // the stage's task is created again right after this: its form starts unticked
    AWAITING_CUSTOMER.set(task.getExecution(), false);
    LOG.info("Application {}: {} resumed after {} min of the customer's working time", number, stage, paused.toMinutes());
  }

  /**
   * The customer says the conditions are met: the wait is completed as the application (no staff login), in the
   * case row's lock. Only the phone's own case; 409 when the case does not wait for the customer.
   */
  @Transactional
  public Stage resumeByCustomer(String applicationNumber, String contactPhone) {
    CaseRecord record = records.lockCustomersOwn(applicationNumber, contactPhone);
    Task wait = openWait(record.processInstanceId()).orElseThrow(() -> new RequestRefusedException(CONFLICT,
        "申请 " + applicationNumber + " 目前没有暂停，正在正常办理，无需操作"));
    Stage stage = STAGES.get(wait.getTaskDefinitionKey());
    try {
      AsTheApplication.run(identity, () -> tasks.complete(wait.getId()));
    } catch (NullValueException resumedMeanwhile) {
      // staff completed the wait in Tasklist between the look-up and now (their commit is not behind the case lock)
      throw new RequestRefusedException(CONFLICT, "申请 " + applicationNumber + " 刚刚已由工作人员恢复办理，无需操作");
    }
    LOG.info("Application {}: the customer is ready, {} resumes", applicationNumber, stage);
    return stage;
  }

  /** Whether the case waits for its customer now, since when and why. */
  public Optional<Pause> of(String processInstanceId) {
    return openWait(processInstanceId).map(wait -> new Pause(STAGES.get(wait.getTaskDefinitionKey()),
        PauseReason.ofCode((String) runtime.getVariable(processInstanceId, PAUSE_REASON.name()))
            .orElse(PauseReason.SITE_NOT_READY),
        wait.getCreateTime().toInstant().atOffset(ZoneOffset.UTC)));
  }

  private Optional<Task> openWait(String processInstanceId) {
    return tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKeyIn(
        UserTasks.CUSTOMER_WAITS.toArray(String[]::new)).list().stream().findFirst();
  }

  private static PauseReason reason(DelegateTask task) {
    return PAUSE_REASON.find(task).flatMap(PauseReason::ofCode).orElse(PauseReason.SITE_NOT_READY);
  }

  private static String cause(Stage stage, String suffix) {
    return CAUSE_PREFIX + stage.name() + "_" + suffix;
  }

  private static String label(PauseReason reason) {
    return "等待客户条件具备：" + reason.label();
  }
}
