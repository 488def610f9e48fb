package org.obtainingwater.preengagement;

import static org.obtainingwater.process.CaseVariables.EXPECTED_APPLICATION_DATE;
import static org.obtainingwater.process.CaseVariables.EXPECTED_PEAK_DEMAND;
import static org.obtainingwater.process.CaseVariables.PROJECT_NAME;
import static org.obtainingwater.process.CaseVariables.PROJECT_REFERENCE;
import static org.obtainingwater.process.CaseVariables.SITE_ADDRESS;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.obtainingwater.process.ApplicationRules;
import org.obtainingwater.process.TaskInput;
import org.obtainingwater.process.TaskInputCheck;
import org.springframework.stereotype.Component;

/**
 * {@code startEvent_projectListed} (重大项目列入提前办): the account manager registers a project from the
 * city's lists by its investment project code, once; the expected application date is a real date not
 * in the past, because the follow-up task and the waiting period are counted from it.
 */
@Component
class ProjectRegistrationCheck extends TaskInputCheck {

  static final Pattern DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");

  private final PreEngagements preEngagements;
  private final ZoneId zone;

  ProjectRegistrationCheck(PreEngagements preEngagements, ZoneId zone) {
    this.preEngagements = preEngagements;
    this.zone = zone;
  }

  @Override
  protected void check(TaskInput input) {
    String reference = input.requiredText(PROJECT_REFERENCE, ApplicationRules.PROJECT_REFERENCE_MAX,
        ApplicationRules.PROJECT_REFERENCE_FORMAT, ApplicationRules.PROJECT_REFERENCE_HINT);
    if (reference != null && preEngagements.standing(reference.strip()) == PreEngagements.Standing.OPEN) {
      input.problem(PROJECT_REFERENCE, "项目 " + reference.strip() + " 已在提前办中，无需重复登记");
    }
    input.requiredText(PROJECT_NAME, ApplicationRules.NAME_MAX);
    input.requiredText(SITE_ADDRESS, ApplicationRules.ADDRESS_MAX);
    input.requiredNumber(EXPECTED_PEAK_DEMAND, ApplicationRules.PEAK_DEMAND_MIN, ApplicationRules.PEAK_DEMAND_MAX);
    String date = input.requiredText(EXPECTED_APPLICATION_DATE, 10, DATE, "应为日期，如 2027-03-01");
    if (date != null) {
      try {
        LocalDate expected = LocalDate.parse(date.strip());
        if (expected.isBefore(LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), zone))) {
          input.problem(EXPECTED_APPLICATION_DATE, "预计报装日期不能早于今天");
        }
      } catch (DateTimeParseException notADate) {
        input.problem(EXPECTED_APPLICATION_DATE, "预计报装日期不是有效的日期");
      }
    }
  }
}
