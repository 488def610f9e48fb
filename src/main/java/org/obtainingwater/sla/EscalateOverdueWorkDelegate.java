package org.obtainingwater.sla;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.obtainingwater.cases.Stage;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Every 超期督办 end event of the process: reached from a non-interrupting boundary timer 超过办理时限
 * on a user task, or 超过许可办理时限 on a permit sub-process. What is overdue is the element the timer is
 * attached to; its stage is the end event's input parameter {@value #ESCALATED_STAGE} (process version 1.3.0 on),
 * which the model check holds equal to the stage of the timer's {@code ${stageTargets.dueIn('STAGE')}}. Cases still
 * running on an earlier version, whose end events have no parameter, are read from the timer's expression as before,
 * until they finish or are migrated (docs/adr/0015).
 */
@Component
class EscalateOverdueWorkDelegate implements JavaDelegate {

  /** The input parameter of each 超期督办 end event naming the stage whose work is overdue. */
  public static final String ESCALATED_STAGE = "escalatedStage";

  private static final Pattern STAGE = Pattern.compile("dueIn\\('([A-Z_]+)'\\)");

  private final OverdueEscalations escalations;
  private final WorkingCalendar calendar;
  private final StageTargets targets;
  private final HistoryService history;

  EscalateOverdueWorkDelegate(OverdueEscalations escalations, WorkingCalendar calendar, StageTargets targets,
      @Lazy HistoryService history) {
    this.escalations = escalations;
    this.calendar = calendar;
    this.targets = targets;
    this.history = history;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FlowElement end = execution.getBpmnModelElementInstance();
    BoundaryEvent timer = (BoundaryEvent) ((org.camunda.bpm.model.bpmn.instance.FlowNode) end).getIncoming()
        .iterator().next().getSource();
    Activity overdue = timer.getAttachedTo();
    Object escalated = execution.getVariableLocal(ESCALATED_STAGE);
    Stage stage = escalated != null ? Stage.valueOf(escalated.toString()) : stageOf(timer);
    String number = execution.getProcessBusinessKey();
    if (overdue instanceof SubProcess permit) {
      List<String> permitTasks = permit.getChildElementsByType(UserTask.class).stream().map(UserTask::getId).toList();
      HistoricActivityInstance running = history.createHistoricActivityInstanceQuery()
          .processInstanceId(execution.getProcessInstanceId()).activityId(permit.getId()).unfinished().singleResult();
      escalations.escalatePermit(execution.getProcessInstanceId(), number, permit.getName(), running.getId(),
          permitTasks, calendar.add(running.getStartTime().toInstant(), targets.dueIn(stage.name())));
    } else {
      escalations.escalateTask(execution.getProcessInstanceId(), number, stage, overdue.getName(), overdue.getId());
    }
  }

  /**
   * The stage named in the timer's duration, {@code ${stageTargets.dueIn('PERMITS')}}: for end events of versions
   * before 1.3.0, which carry no {@value #ESCALATED_STAGE}.
   */
  static Stage stageOf(BoundaryEvent timer) {
    TimerEventDefinition definition = timer.getChildElementsByType(TimerEventDefinition.class).iterator().next();
    Matcher stage = STAGE.matcher(definition.getTimeDuration().getTextContent());
    if (!stage.find()) {
      throw new IllegalStateException(timer.getId() + ": the timer's duration must be ${stageTargets.dueIn('STAGE')}");
    }
    return Stage.valueOf(stage.group(1));
  }
}
