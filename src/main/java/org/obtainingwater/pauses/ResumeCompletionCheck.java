package org.obtainingwater.pauses;

import static org.obtainingwater.process.CaseVariables.RESUME_NOTE;

import org.obtainingwater.process.TaskInput;
import org.obtainingwater.process.TaskInputCheck;
import org.springframework.stereotype.Component;

/**
 * {@code userTask_awaitSurveyReadiness} and {@code userTask_awaitMeterReadiness} (等待客户条件具备, docs/adr/0045):
 * resuming needs nothing but may carry staff's note; the customer's own "ready" completes the task with none.
 */
@Component
class ResumeCompletionCheck extends TaskInputCheck {

  @Override
  protected void check(TaskInput input) {
    input.optionalText(RESUME_NOTE, 500);
  }
}
