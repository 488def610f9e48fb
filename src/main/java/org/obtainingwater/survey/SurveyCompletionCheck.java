package org.obtainingwater.survey;

import static org.obtainingwater.process.CaseVariables.CONNECTION_POINT;
import static org.obtainingwater.process.CaseVariables.CROSSES_GREEN_BELT;
import static org.obtainingwater.process.CaseVariables.CROSSES_ROAD;
import static org.obtainingwater.process.CaseVariables.EXTERNAL_PIPE_LENGTH;
import static org.obtainingwater.process.CaseVariables.INFEASIBILITY_REASON;
import static org.obtainingwater.process.CaseVariables.METER_POSITION;
import static org.obtainingwater.process.CaseVariables.PEAK_FLOW;
import static org.obtainingwater.process.CaseVariables.SURVEY_CONCLUSION;

import java.util.Set;

import org.obtainingwater.process.TaskInput;
import org.obtainingwater.process.TaskInputCheck;
import org.springframework.stereotype.Component;

/**
 * {@code userTask_surveySite} (现场查勘): a feasible site has the data design and the permit rules
 * need; an infeasible one says why. The two crossing flags are always written (false when the
 * form left them out) because the permit decision table reads them. A survey that could not take place because of
 * the customer (等待客户条件具备, docs/adr/0045) needs only the reason.
 */
@Component
class SurveyCompletionCheck extends TaskInputCheck {

  static final String FEASIBLE = "feasible";
  static final String NOT_FEASIBLE = "notFeasible";

  @Override
  protected void check(TaskInput input) {
    if (awaitingCustomer(input)) {
      return;
    }
    String conclusion = input.requiredChoice(SURVEY_CONCLUSION, Set.of(FEASIBLE, NOT_FEASIBLE));
    if (NOT_FEASIBLE.equals(conclusion)) {
      input.requiredText(INFEASIBILITY_REASON, 500);
    }
    if (!FEASIBLE.equals(conclusion)) {
      return;
    }
    input.requiredText(CONNECTION_POINT, 200);
    input.requiredText(METER_POSITION, 200);
    input.requiredNumber(PEAK_FLOW, 0.1, 2_000);
    Double length = input.requiredNumber(EXTERNAL_PIPE_LENGTH, 0, 5_000);
    boolean crossesRoad = input.flag(CROSSES_ROAD);
    boolean crossesGreenBelt = input.flag(CROSSES_GREEN_BELT);
    if (length != null && length == 0 && (crossesRoad || crossesGreenBelt)) {
      input.problem(EXTERNAL_PIPE_LENGTH, "勾选了穿越道路或绿化带，红线外管线长度不能为 0");
    }
    if (!input.hasProblems()) {
      CROSSES_ROAD.set(input.scope(), crossesRoad);
      CROSSES_GREEN_BELT.set(input.scope(), crossesGreenBelt);
    }
  }
}
