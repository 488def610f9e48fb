package org.obtainingwater.sla;

import static org.obtainingwater.process.CaseVariables.OVERDUE;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.obtainingwater.cases.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Escalates work that ran past its stage's target (docs/adr/0018-sla-escalation.md): the open tasks
 * concerned are flagged (task-local {@code overdue} = true, priority {@value #OVERDUE_PRIORITY}, so
 * they show in the Tasklist filter 已超期任务 and sort first) and the stage's supervisor is told, once.
 *
 * <p>Once means: a task already flagged is not escalated again. A permit's escalation and its open
 * task's own escalation can fall due at the same moment (the task arrived with the permit); whichever
 * runs first tells the supervisor and flags the task, the other finds every open task flagged and
 * stays silent.
 */
@Component
@EnableConfigurationProperties(EscalationSettings.class)
public class OverdueEscalations {

  /** Tasklist's default priority is 50; an overdue task sorts above every regular one. */
  public static final int OVERDUE_PRIORITY = 80;

  private static final Logger LOG = LoggerFactory.getLogger(OverdueEscalations.class);

  private final TaskService tasks;
  private final SupervisorNotifier notifier;
  private final EscalationSettings settings;
  private final StageTargets targets;

  OverdueEscalations(@Lazy TaskService tasks, SupervisorNotifier notifier, EscalationSettings settings,
      StageTargets targets) {
    this.tasks = tasks;
    this.notifier = notifier;
    this.settings = settings;
    this.targets = targets;
  }

  /** A user task of the case ran past its due date (its boundary timer fired). */
  public void escalateTask(String processInstanceId, String applicationNumber, Stage stage, String taskName,
      String taskDefinitionKey) {
    List<Task> open = openTasks(processInstanceId, List.of(taskDefinitionKey));
    if (open.isEmpty()) {
      LOG.info("{} {}: completed as its time ran out, nothing to escalate", applicationNumber, taskName);
      return;
    }
    Date due = open.get(0).getDueDate();
    escalate(applicationNumber, stage, taskName, open, due != null ? due.toInstant() : ClockUtil.getCurrentTime().toInstant(),
        "overdue/" + open.get(0).getId());
  }

  /**
   * A permit ran past the permit stage's target since it started, revisions and refilings included.
   * It may be overdue while none of its tasks is open (a filing under way): the supervisor is told all
   * the same.
   *
   * @param permitInstanceId the activity instance of the permit sub-process that is overdue
   */
  public void escalatePermit(String processInstanceId, String applicationNumber, String permitName,
      String permitInstanceId, Collection<String> taskDefinitionKeys, Instant dueAt) {
    escalate(applicationNumber, Stage.PERMITS, permitName, openTasks(processInstanceId, taskDefinitionKeys), dueAt,
        "overdue/" + permitInstanceId);
  }

  private void escalate(String applicationNumber, Stage stage, String work, List<Task> open, Instant dueAt,
      String idempotencyKey) {
    List<Task> unflagged = open.stream().filter(task -> !isFlagged(task)).toList();
    if (!open.isEmpty() && unflagged.isEmpty()) {
      LOG.info("{} {}: already escalated", applicationNumber, work);
      return;
    }
    for (Task task : unflagged) {
      tasks.setVariableLocal(task.getId(), OVERDUE.name(), true);
      tasks.setPriority(task.getId(), Math.max(task.getPriority(), OVERDUE_PRIORITY));
    }
    double target = targets.targetWorkingDays(stage).orElse(0);
    notifier.notify(new OverdueNotice(applicationNumber, stage, work, target, dueAt, settings.supervisorOf(stage),
        idempotencyKey));
  }

  private List<Task> openTasks(String processInstanceId, Collection<String> taskDefinitionKeys) {
    return tasks.createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKeyIn(taskDefinitionKeys.toArray(String[]::new)).list();
  }

  private boolean isFlagged(Task task) {
    return Boolean.TRUE.equals(tasks.getVariableLocal(task.getId(), OVERDUE.name()));
  }
}
