package org.obtainingwater.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks what a user task's form submitted before the case moves on. Bound in the diagram as an
 * {@code end} execution listener of the user task: the form validates in the browser, this check
 * protects the process from REST clients and from cross-field rules a form cannot express.
 *
 * <p>An execution listener rather than a task listener because the engine wraps task listener
 * exceptions into a generic one (engine-rest would answer 500); execution listener exceptions
 * reach engine-rest unchanged, and {@link InvalidInputException} answers 400. A cancelled
 * task (withdrawal, migration) is not checked.
 */
public abstract class TaskInputCheck implements ExecutionListener {

  private static final Logger LOG = LoggerFactory.getLogger(TaskInputCheck.class);

  @Override
  public final void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    TaskInput input = new TaskInput(execution);
    check(input);
    try {
      input.throwIfInvalid();
    } catch (InvalidInputException rejected) {
      // Field names only: the values may be personal data.
      LOG.info("Refused input for {} of case {}: {}", execution.getCurrentActivityId(),
          execution.getProcessBusinessKey() == null ? "(not yet numbered)" : execution.getProcessBusinessKey(),
          rejected.problems().keySet());
      throw rejected;
    }
  }

  /**
   * 等待客户条件具备 (docs/adr/0045), for the survey and metering checks: whether staff stopped the clock for the
   * customer. Then a reason from {@link PauseReason} is required and the remark optional, and the task's other
   * fields are not (the visit did not happen). The flag is always written, false unless ticked, because the
   * gateway 需等待客户？ after the task reads it and a REST client may leave it out.
   */
  protected static boolean awaitingCustomer(TaskInput input) {
    boolean awaiting = input.flag(CaseVariables.AWAITING_CUSTOMER);
    if (awaiting) {
      input.requiredChoice(CaseVariables.PAUSE_REASON, PauseReason.codes());
      input.optionalText(CaseVariables.PAUSE_REMARK, 500);
    }
    CaseVariables.AWAITING_CUSTOMER.set(input.scope(), awaiting);
    return awaiting;
  }

  /** Reads the submitted values and records every problem on {@code input}. */
  protected abstract void check(TaskInput input);
}
