package org.obtainingwater.callback;

import static org.obtainingwater.process.CaseVariables.RECTIFICATION_NOTE;
import static org.obtainingwater.process.CaseVariables.RECTIFICATION_ROUNDS;

import org.obtainingwater.process.TaskInput;
import org.obtainingwater.process.TaskInputCheck;
import org.springframework.stereotype.Component;

/** {@code userTask_rectifyService} (整改服务问题): the supervisor records what was put right;
 * the round is counted ({@code rectificationRounds}), which bounds the loop at the gateway 客户满意？. */
@Component
class RectificationCompletionCheck extends TaskInputCheck {

  @Override
  protected void check(TaskInput input) {
    input.requiredText(RECTIFICATION_NOTE, 1_000);
    if (!input.hasProblems()) {
      RECTIFICATION_ROUNDS.set(input.scope(), RECTIFICATION_ROUNDS.find(input.scope()).orElse(0) + 1);
    }
  }
}
