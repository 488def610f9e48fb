package org.obtainingwater.construction;

import static org.obtainingwater.process.CaseVariables.CONSTRUCTION_NOTES;
import static org.obtainingwater.process.CaseVariables.FLUSHING_COMPLETED;
import static org.obtainingwater.process.CaseVariables.LAID_LENGTH;
import static org.obtainingwater.process.CaseVariables.PRESSURE_TEST_RESULT;

import java.util.Set;

import org.obtainingwater.process.TaskInput;
import org.obtainingwater.process.TaskInputCheck;
import org.springframework.stereotype.Component;

/**
 * {@code userTask_buildExternalPipeline} (红线外管线施工): a passed pressure test comes with flushing and
 * disinfection done (no meter on an unflushed pipe); a failed one says what must be reworked.
 */
@Component
class ConstructionCompletionCheck extends TaskInputCheck {

  static final String PASSED = "passed";
  static final String FAILED = "failed";

  @Override
  protected void check(TaskInput input) {
    input.requiredNumber(LAID_LENGTH, 0, 5_000);
    String result = input.requiredChoice(PRESSURE_TEST_RESULT, Set.of(PASSED, FAILED));
    if (PASSED.equals(result) && !input.flag(FLUSHING_COMPLETED)) {
      input.problem(FLUSHING_COMPLETED, "试压合格后须完成冲洗消毒，方可装表通水");
    }
    if (FAILED.equals(result)) {
      input.requiredText(CONSTRUCTION_NOTES, 1_000);
    }
  }
}
