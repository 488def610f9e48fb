package org.obtainingwater.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

/**
 * Checks what a user task's form submitted before the case moves on. Bound in the diagram as an
 * {@code end} execution listener of the user task: the form validates in the browser, this check
 * protects the process from REST clients and from cross-field rules a form cannot express.
 *
 * <p>An execution listener rather than a task listener because the engine wraps task listener
 * exceptions into a generic one (engine-rest would answer 500); execution listener exceptions
 * reach engine-rest unchanged, and {@link TaskInputRejectedException} answers 400. A cancelled
 * task (withdrawal, migration) is not checked.
 */
public abstract class TaskInputCheck implements ExecutionListener {

  @Override
  public final void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    TaskInput input = new TaskInput(execution);
    check(input);
    input.throwIfInvalid();
  }

  /** Reads the submitted values and records every problem on {@code input}. */
  protected abstract void check(TaskInput input);
}
