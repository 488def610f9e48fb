package org.obtainingwater.staff;

import static org.obtainingwater.process.CaseVariables.APPLICANT_NAME;
import static org.obtainingwater.process.CaseVariables.APPLICATION_NUMBER;
import static org.obtainingwater.process.CaseVariables.CARD_APPLICANT_NAME;
import static org.obtainingwater.process.CaseVariables.CARD_APPLICATION_NUMBER;
import static org.obtainingwater.process.CaseVariables.CARD_SITE_ADDRESS;
import static org.obtainingwater.process.CaseVariables.SITE_ADDRESS;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.obtainingwater.process.ProcessVariable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Copies the case's number, applicant and site into task-local variables when any user task is
 * created, so Tasklist's task cards show them to staff. Tasklist reads card variables with the
 * user's rights: staff may read their tasks (and so task-local variables) but not the process
 * instance, so the process variables themselves would stay invisible on the card. The copies have
 * their own names: a task-local {@code applicantName} would swallow the intake clerk's correction.
 */
@Component
public class TaskCardVariables {

  /** Process variable to its task-local card copy, in the order Tasklist shows them. */
  static final Map<ProcessVariable<String>, ProcessVariable<String>> CARD = new LinkedHashMap<>();

  static {
    CARD.put(APPLICATION_NUMBER, CARD_APPLICATION_NUMBER);
    CARD.put(APPLICANT_NAME, CARD_APPLICANT_NAME);
    CARD.put(SITE_ADDRESS, CARD_SITE_ADDRESS);
  }

  /** Called by the Camunda starter's Spring eventing for every task event, in the engine's transaction. */
  @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_CREATE + "'")
  public void onCreate(DelegateTask task) {
    CARD.forEach((source, card) -> source.find(task).ifPresent(value -> card.setLocal(task, value)));
  }
}
