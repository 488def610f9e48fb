package org.obtainingwater.process;

import static org.obtainingwater.process.CaseVariables.APPLICANT_NAME;
import static org.obtainingwater.process.CaseVariables.CONTACT_PHONE;
import static org.obtainingwater.process.CaseVariables.EXPECTED_PEAK_DEMAND;
import static org.obtainingwater.process.CaseVariables.SITE_ADDRESS;
import static org.obtainingwater.process.CaseVariables.USE_TYPE;

import java.util.Set;
import java.util.regex.Pattern;

/** The minimal application data (零资料) and what makes it acceptable, shared by every channel. */
public final class ApplicationRules {

  /** Mainland mobile number or landline with area code (a constant, for validation annotations too). */
  public static final String PHONE_PATTERN = "^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$";
  public static final Pattern PHONE = Pattern.compile(PHONE_PATTERN);

  /** Text without control characters: PostgreSQL refuses NUL, and none belongs in a name, address or reason. */
  public static final String PLAIN_TEXT = "^[^\\p{Cntrl}]*$";

  /** Text that may run over several lines (tab, line breaks), but holds no other control character. */
  public static final String MULTILINE_TEXT = "^(?:[^\\p{Cntrl}]|[\\t\\r\\n])*$";

  /** Values of the use type select in forms/application.form and forms/intake.form, as a pattern. */
  public static final String USE_TYPE_PATTERN = "industrial|commercial|construction|residential|publicService";
  public static final Set<String> USE_TYPES = Set.of(USE_TYPE_PATTERN.split("\\|"));

  /** Values of the channel select (counter, hotline, app, WeChat, web), as a pattern. */
  public static final String CHANNEL_PATTERN = "counter|hotline|app|wechat|web";
  public static final Set<String> CHANNELS = Set.of(CHANNEL_PATTERN.split("\\|"));

  public static final int NAME_MAX = 100;
  public static final int ADDRESS_MAX = 200;
  public static final double PEAK_DEMAND_MIN = 0.1;
  public static final double PEAK_DEMAND_MAX = 10_000;

  /** Checks the application fields as staff confirmed or corrected them. */
  public static void check(TaskInput input) {
    input.requiredText(APPLICANT_NAME, NAME_MAX);
    input.requiredText(CONTACT_PHONE, 20, PHONE, "请填写 11 位手机号或带区号的固定电话");
    input.requiredText(SITE_ADDRESS, ADDRESS_MAX);
    input.requiredChoice(USE_TYPE, USE_TYPES);
    input.requiredNumber(EXPECTED_PEAK_DEMAND, PEAK_DEMAND_MIN, PEAK_DEMAND_MAX);
  }

  private ApplicationRules() {
  }
}
