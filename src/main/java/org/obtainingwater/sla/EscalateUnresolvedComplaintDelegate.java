package org.obtainingwater.sla;

import static org.obtainingwater.process.CaseVariables.RECTIFICATION_ROUNDS;
import static org.obtainingwater.process.CaseVariables.SATISFACTION_SCORE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.obtainingwater.cases.Stage;
import org.springframework.stereotype.Component;

/**
 * {@code serviceTask_escalateUnresolvedComplaint} (报主管督办): the customer is still dissatisfied after the rounds
 * of rectification the gateway 客户满意？ allows; the callback stage's supervisor is told, and the case closes
 * instead of looping without end.
 */
@Component
class EscalateUnresolvedComplaintDelegate implements JavaDelegate {

  private final SupervisorNotifier notifier;
  private final EscalationSettings settings;

  EscalateUnresolvedComplaintDelegate(SupervisorNotifier notifier, EscalationSettings settings) {
    this.notifier = notifier;
    this.settings = settings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notifier.notify(new ComplaintNotice(execution.getProcessBusinessKey(), RECTIFICATION_ROUNDS.get(execution),
        SATISFACTION_SCORE.get(execution), settings.supervisorOf(Stage.CALLBACK)));
  }
}
