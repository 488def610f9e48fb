package org.obtainingwater.permits;

import static org.obtainingwater.process.CaseVariables.PERMIT_APPLICATION_REF;
import static org.obtainingwater.process.CaseVariables.PERMIT_DECISION;
import static org.obtainingwater.process.CaseVariables.PERMIT_NUMBER;
import static org.obtainingwater.process.CaseVariables.PERMIT_REJECTION_REASON;

import java.util.Arrays;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When the permit agent records a decision in Tasklist, the filing's row gets it too, so a later
 * callback from the platform for the same filing is answered 409 instead of being applied twice.
 * A decision that reached the permit's receive task as its message is recorded as the platform's, whoever
 * correlated it ({@link PermitDecisions} has recorded it already; then this changes nothing).
 */
@Component
class PermitDecisionRecorder {

  private final PermitFilings filings;

  PermitDecisionRecorder(PermitFilings filings) {
    this.filings = filings;
  }

  /** Called by the Camunda starter's Spring eventing for every task event, in the engine's transaction. */
  @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_COMPLETE + "'")
  public void onComplete(DelegateTask task) {
    boolean decisionTask = Arrays.stream(PermitKind.values())
        .anyMatch(kind -> kind.decisionTask().equals(task.getTaskDefinitionKey()));
    if (decisionTask) {
      PERMIT_APPLICATION_REF.find(task).ifPresent(reference -> filings.recordDecision(reference,
          PERMIT_DECISION.get(task), PERMIT_NUMBER.find(task).orElse(null),
          PERMIT_REJECTION_REASON.find(task).orElse(null), PermitFilings.VIA_TASKLIST));
    }
  }

  /** The receive task ends: with the platform's decision, or interrupted (timer, withdrawal) with none. */
  @EventListener(condition = "#execution.eventName == '" + ExecutionListener.EVENTNAME_END + "'")
  public void onDecisionReceived(DelegateExecution execution) {
    if (PermitKind.awaitingAt(execution.getCurrentActivityId()).isEmpty()) {
      return;
    }
    String decision = PERMIT_DECISION.find(execution).orElse(null);
    if (decision != null) {
      PERMIT_APPLICATION_REF.find(execution).ifPresent(reference -> filings.recordDecision(reference, decision,
          PERMIT_NUMBER.find(execution).orElse(null), PERMIT_REJECTION_REASON.find(execution).orElse(null),
          PermitFilings.VIA_PLATFORM));
    }
  }
}
