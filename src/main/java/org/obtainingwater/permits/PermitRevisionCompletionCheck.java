package org.obtainingwater.permits;

import static org.obtainingwater.process.CaseVariables.PERMIT_REVISION_NOTE;

import org.obtainingwater.process.TaskInput;
import org.obtainingwater.process.TaskInputCheck;
import org.springframework.stereotype.Component;

/** {@code userTask_revise…PermitApplication} (修改…申请): a resubmission says what was changed. */
@Component
class PermitRevisionCompletionCheck extends TaskInputCheck {

  @Override
  protected void check(TaskInput input) {
    input.requiredText(PERMIT_REVISION_NOTE, 1_000);
  }
}
