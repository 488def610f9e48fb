package org.obtainingwater.preengagement;

import static org.obtainingwater.process.CaseVariables.EXTERNAL_PIPE_LENGTH;
import static org.obtainingwater.process.CaseVariables.PIPE_AHEAD_DECISION;
import static org.obtainingwater.process.CaseVariables.PIPE_AHEAD_NOTE;
import static org.obtainingwater.process.PreEngagementProcess.BUILD_AHEAD;
import static org.obtainingwater.process.PreEngagementProcess.NOT_AHEAD;

import java.util.Set;

import org.obtainingwater.process.TaskInput;
import org.obtainingwater.process.TaskInputCheck;
import org.springframework.stereotype.Component;

/**
 * {@code userTask_decidePipeAhead} (决定是否提前建设外线): the account manager's decision is recorded with
 * its reason; there is nothing to build ahead when the pre-survey found no pipe outside the red line.
 */
@Component
class PipeAheadDecisionCheck extends TaskInputCheck {

  @Override
  protected void check(TaskInput input) {
    String decision = input.requiredChoice(PIPE_AHEAD_DECISION, Set.of(BUILD_AHEAD, NOT_AHEAD));
    if (BUILD_AHEAD.equals(decision) && EXTERNAL_PIPE_LENGTH.find(input.scope()).orElse(0.0) == 0) {
      input.problem(PIPE_AHEAD_DECISION, "预查勘结论为无红线外工程，无需提前建设外线");
    }
    input.optionalText(PIPE_AHEAD_NOTE, 500);
  }
}
