package org.obtainingwater.design;

import static org.obtainingwater.process.CaseVariables.DESIGN_NOTES;
import static org.obtainingwater.process.CaseVariables.IN_RED_LINE_BUDGET;
import static org.obtainingwater.process.CaseVariables.METER_DN;
import static org.obtainingwater.process.CaseVariables.METER_REVIEW_REQUIRED;
import static org.obtainingwater.process.CaseVariables.SUPPLY_PIPE_DN;

import org.obtainingwater.process.TaskInput;
import org.obtainingwater.process.TaskInputCheck;
import org.springframework.stereotype.Component;

/**
 * {@code userTask_designSupplyScheme} (供水方案设计): the scheme uses sizes the utility installs and
 * a budget the fee decision ({@code connectionFee}) can work with; a peak beyond the largest meter
 * (the meterSize table's review flag) needs the designer's explanation of the scheme.
 */
@Component
class DesignCompletionCheck extends TaskInputCheck {

  @Override
  protected void check(TaskInput input) {
    input.requiredOneOf(METER_DN, NominalSizes.METERS);
    input.requiredOneOf(SUPPLY_PIPE_DN, NominalSizes.PIPES);
    input.requiredNumber(IN_RED_LINE_BUDGET, 0, 100_000_000);
    if (input.flag(METER_REVIEW_REQUIRED)) {
      input.requiredText(DESIGN_NOTES, 1_000);
    } else {
      input.optionalText(DESIGN_NOTES, 1_000);
    }
  }
}
