package org.obtainingwater.permits;

import static org.obtainingwater.process.CaseVariables.PERMIT_DECISION;
import static org.obtainingwater.process.CaseVariables.PERMIT_NUMBER;
import static org.obtainingwater.process.CaseVariables.PERMIT_REJECTION_REASON;

import java.util.Set;

import org.obtainingwater.process.TaskInput;
import org.obtainingwater.process.TaskInputCheck;
import org.springframework.stereotype.Component;

/** {@code userTask_record…PermitDecision} (登记…审批结果): an approval has a permit number, a rejection a reason. */
@Component
class PermitDecisionCompletionCheck extends TaskInputCheck {

  static final String APPROVED = "approved";
  static final String REJECTED = "rejected";

  @Override
  protected void check(TaskInput input) {
    String decision = input.requiredChoice(PERMIT_DECISION, Set.of(APPROVED, REJECTED));
    if (APPROVED.equals(decision)) {
      input.requiredText(PERMIT_NUMBER, 64);
    } else if (REJECTED.equals(decision)) {
      input.requiredText(PERMIT_REJECTION_REASON, 500);
    }
  }
}
