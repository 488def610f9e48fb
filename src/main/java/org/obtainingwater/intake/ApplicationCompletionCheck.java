package org.obtainingwater.intake;

import static org.obtainingwater.process.CaseVariables.CHANNEL;

import org.obtainingwater.process.TaskInput;
import org.obtainingwater.process.TaskInputCheck;
import org.springframework.stereotype.Component;

/**
 * {@code startEvent_applicationReceived} (收到用水报装申请): a case starts only with the minimal data
 * and a known channel. Without this a client could start a case the acknowledgement cannot even be
 * sent for, stuck before intake where no member of staff sees it.
 */
@Component
class ApplicationCompletionCheck extends TaskInputCheck {

  @Override
  protected void check(TaskInput input) {
    ApplicationRules.check(input);
    input.requiredChoice(CHANNEL, ApplicationRules.CHANNELS);
  }
}
