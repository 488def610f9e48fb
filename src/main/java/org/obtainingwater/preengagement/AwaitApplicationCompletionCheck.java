package org.obtainingwater.preengagement;

import static org.obtainingwater.process.CaseVariables.CLOSURE_REASON;

import org.obtainingwater.process.TaskInput;
import org.obtainingwater.process.TaskInputCheck;
import org.springframework.stereotype.Component;

/**
 * {@code userTask_awaitApplication} (跟进项目报装): the task stays open while the project waits for its
 * application, which links it without anyone completing the task; completing it closes the project,
 * so the account manager says why (project cancelled, moved, supplied otherwise).
 */
@Component
class AwaitApplicationCompletionCheck extends TaskInputCheck {

  @Override
  protected void check(TaskInput input) {
    input.requiredText(CLOSURE_REASON, 500);
  }
}
