package org.obtainingwater.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.obtainingwater.cases.Stage;
import org.obtainingwater.process.AsTheApplication;
import org.obtainingwater.process.RecordedTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer's time in a stage (issue 16 item 4, docs/adr/0042): working time that passes because of the
 * customer, not the utility — a visit booked later than the earliest slot offered now, a pause while the
 * customer is not ready later. Each cause of a stage is one row of {@code customer_time}; setting it moves the
 * stage's open task's due date and its overdue timer (ADR 0018) to the due date the task had without customer
 * time plus all of the stage's customer time, counted in working time (ADR 0017). The scorecard takes the same
 * rows off the utility's time. The one place that knows this: a pause feature records its own cause here.
 */
@Service
public class CustomerTime {

  private static final Logger LOG = LoggerFactory.getLogger(CustomerTime.class);

  /** One cause of customer time in a stage. */
  public record Entry(Stage stage, String cause, String reason, Duration workingTime, OffsetDateTime recordedAt) {
  }

  private final JdbcTemplate jdbc;
  private final TaskService tasks;
  private final ManagementService management;
  private final RepositoryService repository;
  private final IdentityService identity;
  private final WorkingCalendar calendar;

  CustomerTime(JdbcTemplate jdbc, TaskService tasks, ManagementService management, RepositoryService repository,
      IdentityService identity, WorkingCalendar calendar) {
    this.jdbc = jdbc;
    this.tasks = tasks;
    this.management = management;
    this.repository = repository;
    this.identity = identity;
    this.calendar = calendar;
  }

  /**
   * Sets the customer time of one cause in the stage (replacing what that cause had) and moves the stage's open
   * task, identified by its definition key, and the task's overdue timers. The caller holds the case's row lock.
   *
   * @return the task's due date now, empty when the stage has no open task of that key
   */
  @Transactional
  public Optional<Instant> set(String applicationNumber, String processInstanceId, Stage stage,
      String taskDefinitionKey, String cause, String reason, Duration workingTime) {
    Task task = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskDefinitionKey)
        .singleResult();
    record(applicationNumber, stage, cause, reason, workingTime,
        task == null || task.getDueDate() == null ? null : task.getDueDate().toInstant());
    Optional<OffsetDateTime> utilityDue = utilityDue(applicationNumber, stage);
    if (task == null || utilityDue.isEmpty()) {
      return Optional.empty();
    }
    Duration total = inStage(applicationNumber, stage);
    Instant due = calendar.add(utilityDue.get().toInstant(), total);
    // the due date is the application's bookkeeping, not a staff member's edit
    AsTheApplication.run(identity, () -> {
      task.setDueDate(Date.from(due));
      tasks.saveTask(task);
      for (String timer : overdueTimers(task)) {
        for (Job job : management.createJobQuery().processInstanceId(processInstanceId).activityId(timer).timers().list()) {
          management.setJobDuedate(job.getId(), Date.from(due));
        }
      }
    });
    LOG.info("Application {}: customer time in {} is {} min ({}: {}), task {} due {}", applicationNumber, stage,
        total.toMinutes(), cause, reason, task.getId(), due);
    return Optional.of(due);
  }

  /**
   * Records one cause of customer time in a stage, replacing what that cause had, without moving a task: for a stage
   * whose task is not open now (a pause, docs/adr/0045: the stage's task was completed to wait for the customer and
   * is created again when the customer is ready; a contract signed after the callback, docs/adr/0046).
   * {@code utilityDue} is the due date the stage's task had without customer time; it is kept only when the stage has
   * no row yet, so the stage's first task's due date stays the one everything counts from. The task created again is
   * due at {@link #dueAfterCustomerTime}: the diagram asks {@link StageTargets} for it.
   */
  @Transactional
  public void record(String applicationNumber, Stage stage, String cause, String reason, Duration workingTime,
      Instant utilityDue) {
    if (workingTime.isNegative()) {
      throw new IllegalArgumentException("Customer time cannot be negative: " + workingTime);
    }
    OffsetDateTime kept = utilityDue(applicationNumber, stage)
        .orElse(utilityDue == null ? null : utilityDue.atOffset(ZoneOffset.UTC));
    jdbc.update("DELETE FROM customer_time WHERE application_number = ? AND stage = ? AND cause = ?",
        applicationNumber, stage.name(), cause);
    jdbc.update("INSERT INTO customer_time (application_number, stage, cause, reason, working_minutes, utility_due_at, "
        + "recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)", applicationNumber, stage.name(), cause, reason,
        (int) workingTime.toMinutes(), kept, RecordedTime.now());
    LOG.info("Application {}: customer time in {} is {} min ({}: {} min, {})", applicationNumber, stage,
        inStage(applicationNumber, stage).toMinutes(), cause, workingTime.toMinutes(), reason);
  }

  /**
   * When a stage's task created now is due: the first task's due date without customer time plus all of the
   * stage's customer time, in working time; empty when the stage has no customer time recorded (the task's due
   * date is then the stage target from its creation).
   */
  public Optional<Instant> dueAfterCustomerTime(String applicationNumber, Stage stage) {
    return utilityDue(applicationNumber, stage)
        .map(due -> calendar.add(due.toInstant(), inStage(applicationNumber, stage)));
  }

  /**
   * Keeps a cause's time under another name (the cause's own name is then free to start again), e.g. a later-booked
   * visit spent by a pause (docs/adr/0045); nothing when the stage has no such cause.
   */
  @Transactional
  public void rename(String applicationNumber, Stage stage, String cause, String newCause) {
    jdbc.update("UPDATE customer_time SET cause = ? WHERE application_number = ? AND stage = ? AND cause = ?", newCause,
        applicationNumber, stage.name(), cause);
  }

  /** Causes of the stage whose name starts with the prefix, e.g. every pause of the stage. */
  public int count(String applicationNumber, Stage stage, String causePrefix) {
    Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM customer_time WHERE application_number = ? AND stage = ? "
        + "AND cause LIKE ?", Integer.class, applicationNumber, stage.name(), causePrefix + "%");
    return count == null ? 0 : count;
  }

  private Optional<OffsetDateTime> utilityDue(String applicationNumber, Stage stage) {
    return jdbc.query("SELECT utility_due_at FROM customer_time WHERE application_number = ? AND stage = ? "
        + "AND utility_due_at IS NOT NULL", (rs, row) -> RecordedTime.read(rs, "utility_due_at"),
        applicationNumber, stage.name()).stream().findFirst();
  }

  /** The customer's time in one stage, all causes. */
  public Duration inStage(String applicationNumber, Stage stage) {
    Integer minutes = jdbc.queryForObject("SELECT COALESCE(SUM(working_minutes), 0) FROM customer_time "
        + "WHERE application_number = ? AND stage = ?", Integer.class, applicationNumber, stage.name());
    return Duration.ofMinutes(minutes == null ? 0 : minutes);
  }

  /** Every cause of customer time of the case, in the order recorded. */
  public List<Entry> of(String applicationNumber) {
    return jdbc.query("SELECT stage, cause, reason, working_minutes, recorded_at FROM customer_time "
        + "WHERE application_number = ? ORDER BY recorded_at, stage, cause", (rs, row) -> new Entry(
            Stage.valueOf(rs.getString("stage")), rs.getString("cause"), rs.getString("reason"),
            Duration.ofMinutes(rs.getInt("working_minutes")), RecordedTime.read(rs, "recorded_at")), applicationNumber);
  }

  /** The boundary timers the diagram attaches to the task's activity (its 超过办理时限 timer). */
  private List<String> overdueTimers(Task task) {
    BpmnModelInstance model = repository.getBpmnModelInstance(task.getProcessDefinitionId());
    return model.getModelElementsByType(BoundaryEvent.class).stream()
        .filter(boundary -> boundary.getAttachedTo() != null
            && task.getTaskDefinitionKey().equals(boundary.getAttachedTo().getId()))
        .filter(boundary -> !boundary.getChildElementsByType(TimerEventDefinition.class).isEmpty())
        .map(BoundaryEvent::getId).toList();
  }
}
