package org.obtainingwater.permits;

import static org.obtainingwater.process.CaseVariables.PERMIT_APPLICATION_REF;
import static org.obtainingwater.process.CaseVariables.PERMIT_DECISION;
import static org.obtainingwater.process.CaseVariables.PERMIT_NUMBER;
import static org.obtainingwater.process.CaseVariables.PERMIT_REJECTION_REASON;

import java.util.Arrays;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When the permit agent records a decision in Tasklist, the filing's row gets it too, so a later
 * callback from the platform for the same filing is answered 409 instead of being applied twice.
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
}
