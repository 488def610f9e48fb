package org.obtainingwater.callback;

import static org.obtainingwater.process.CaseVariables.CALLBACK_REMARKS;
import static org.obtainingwater.process.CaseVariables.CALLBACK_RESULT;
import static org.obtainingwater.process.CaseVariables.RECTIFICATION_ROUNDS;
import static org.obtainingwater.process.CaseVariables.SATISFACTION_SCORE;
import static org.obtainingwater.process.CaseVariables.UNREACHABLE_CALLS;

import java.util.Set;

import org.obtainingwater.process.TaskInput;
import org.obtainingwater.process.TaskInputCheck;
import org.springframework.stereotype.Component;

/**
 * {@code userTask_callBackCustomer} (回访客户): reached, a score from 1 to 5 (a low score says what went wrong); not
 * reached, the call is counted in {@code unreachableCalls}, and the gateway 接通了吗？ calls again or, at the third,
 * closes the case without a score. A submission without a result (an API client of an earlier version) is a
 * reached callback; the result is written back, so the gateway always finds it, and the flow 未接通，再次回访 removes
 * it again, so the next call's result is the one submitted then.
 */
@Component
class CallbackCompletionCheck extends TaskInputCheck {

  /** Scores below this send the case to a supervisor (see the gateway 客户满意？). */
  static final int SATISFIED_FROM = 4;
  static final String REACHED = "reached";
  static final String UNREACHABLE = "unreachable";

  @Override
  protected void check(TaskInput input) {
    String result = input.optionalText(CALLBACK_RESULT, 16);
    if (result == null || result.isBlank()) {
      result = REACHED;
    } else if (!Set.of(REACHED, UNREACHABLE).contains(result)) {
      input.problem(CALLBACK_RESULT, CALLBACK_RESULT.label() + "只能是 reached / unreachable 之一");
      return;
    }
    if (UNREACHABLE.equals(result)) {
      input.optionalText(CALLBACK_REMARKS, 1_000);
    } else {
      Integer score = input.requiredNumber(SATISFACTION_SCORE, 1, 5);
      if (score != null && score < SATISFIED_FROM) {
        input.requiredText(CALLBACK_REMARKS, 1_000);
      } else {
        input.optionalText(CALLBACK_REMARKS, 1_000);
      }
    }
    if (!input.hasProblems()) {
      CALLBACK_RESULT.set(input.scope(), result);
      if (UNREACHABLE.equals(result)) {
        UNREACHABLE_CALLS.set(input.scope(), UNREACHABLE_CALLS.find(input.scope()).orElse(0) + 1);
      } else if (RECTIFICATION_ROUNDS.find(input.scope()).isEmpty()) {
        RECTIFICATION_ROUNDS.set(input.scope(), 0); // the gateway 客户满意？ counts the rounds from here
      }
    }
  }
}
