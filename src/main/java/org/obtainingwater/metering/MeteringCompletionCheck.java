package org.obtainingwater.metering;

import static org.obtainingwater.process.CaseVariables.INITIAL_READING;
import static org.obtainingwater.process.CaseVariables.METER_DN;
import static org.obtainingwater.process.CaseVariables.METER_SERIAL_NUMBER;
import static org.obtainingwater.process.CaseVariables.WATER_ON_AT;

import java.util.regex.Pattern;

import org.obtainingwater.design.NominalSizes;
import org.obtainingwater.process.TaskInput;
import org.obtainingwater.process.TaskInputCheck;
import org.springframework.stereotype.Component;

/**
 * {@code userTask_installMeter} (装表通水): the meter is identified and the water-on time is a real time; or the visit
 * could not take place because of the customer (等待客户条件具备, docs/adr/0045) and only the reason is needed.
 */
@Component
class MeteringCompletionCheck extends TaskInputCheck {

  private static final Pattern SERIAL = Pattern.compile("^[A-Za-z0-9-]{4,32}$");

  @Override
  protected void check(TaskInput input) {
    if (awaitingCustomer(input)) {
      return;
    }
    input.requiredText(METER_SERIAL_NUMBER, 32, SERIAL, "应为 4–32 位字母、数字或连字符");
    input.requiredOneOf(METER_DN, NominalSizes.METERS);
    input.requiredNumber(INITIAL_READING, 0, 99_999_999);
    String waterOnAt = input.requiredText(WATER_ON_AT, 40);
    if (waterOnAt != null && !WaterOnTime.isDateTime(waterOnAt)) {
      input.problem(WATER_ON_AT, "通水时间格式不正确，应为 2026-03-01T10:30+08:00 这样的日期时间");
    }
  }
}
