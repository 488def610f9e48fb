package org.obtainingwater.callback;

import static org.obtainingwater.process.CaseVariables.RECTIFICATION_NOTE;

import org.obtainingwater.process.TaskInput;
import org.obtainingwater.process.TaskInputCheck;
import org.springframework.stereotype.Component;

/** {@code userTask_rectifyService} (整改服务问题): the supervisor records what was put right. */
@Component
class RectificationCompletionCheck extends TaskInputCheck {

  @Override
  protected void check(TaskInput input) {
    input.requiredText(RECTIFICATION_NOTE, 1_000);
  }
}
