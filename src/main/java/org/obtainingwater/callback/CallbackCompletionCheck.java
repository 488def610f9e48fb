package org.obtainingwater.callback;

import static org.obtainingwater.process.CaseVariables.CALLBACK_REMARKS;
import static org.obtainingwater.process.CaseVariables.SATISFACTION_SCORE;

import org.obtainingwater.process.TaskInput;
import org.obtainingwater.process.TaskInputCheck;
import org.springframework.stereotype.Component;

/** {@code userTask_callBackCustomer} (回访客户): a score from 1 to 5; a low score says what went wrong. */
@Component
class CallbackCompletionCheck extends TaskInputCheck {

  /** Scores below this send the case to a supervisor (see the gateway 客户满意？). */
  static final int SATISFIED_FROM = 4;

  @Override
  protected void check(TaskInput input) {
    Integer score = input.requiredNumber(SATISFACTION_SCORE, 1, 5);
    if (score != null && score < SATISFIED_FROM) {
      input.requiredText(CALLBACK_REMARKS, 1_000);
    } else {
      input.optionalText(CALLBACK_REMARKS, 1_000);
    }
  }
}
