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

  /** Reads the submitted values and records every problem on {@code input}. */
  protected abstract void check(TaskInput input);
}
