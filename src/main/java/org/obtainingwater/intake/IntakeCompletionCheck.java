package org.obtainingwater.intake;

import static org.obtainingwater.process.CaseVariables.INTAKE_DECISION;
import static org.obtainingwater.process.CaseVariables.INTAKE_REJECTION_REASON;

import java.util.Set;

import org.obtainingwater.process.ApplicationRules;
import org.obtainingwater.process.TaskInput;
import org.obtainingwater.process.TaskInputCheck;
import org.springframework.stereotype.Component;

/** {@code userTask_reviewApplication} (受理审核): the application data holds and a rejection says why. */
@Component
class IntakeCompletionCheck extends TaskInputCheck {

  static final String ACCEPTED = "accepted";
  static final String REJECTED = "rejected";

  @Override
  protected void check(TaskInput input) {
    ApplicationRules.check(input);
    if (REJECTED.equals(input.requiredChoice(INTAKE_DECISION, Set.of(ACCEPTED, REJECTED)))) {
      input.requiredText(INTAKE_REJECTION_REASON, 500);
    }
  }
}
