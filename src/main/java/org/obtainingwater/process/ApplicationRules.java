package org.obtainingwater.process;

import static org.obtainingwater.process.CaseVariables.APPLICANT_NAME;
import static org.obtainingwater.process.CaseVariables.CHANNEL;
import static org.obtainingwater.process.CaseVariables.CONTACT_PHONE;
import static org.obtainingwater.process.CaseVariables.EXPECTED_PEAK_DEMAND;
import static org.obtainingwater.process.CaseVariables.PROJECT_REFERENCE;
import static org.obtainingwater.process.CaseVariables.SITE_ADDRESS;
import static org.obtainingwater.process.CaseVariables.USE_TYPE;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The minimal application data (零资料) and what makes it acceptable: patterns, limits and messages,
 * in one place for every channel. The customer API checks a request with {@link #checkFiling} before
 * filing it, the start form's check runs the same at the process start, intake re-checks what staff
 * corrected with {@link #check}, and the pre-engagement registration uses the same limits; the API's
 * OpenAPI document shows the same patterns and limits.
 */
public final class ApplicationRules {

  /** Mainland mobile number or landline with area code (a constant, for annotations too). */
  public static final String PHONE_PATTERN = "^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$";
  public static final Pattern PHONE = Pattern.compile(PHONE_PATTERN);
  public static final String PHONE_HINT = "请填写 11 位手机号或带区号的固定电话";
  /** What a wrong phone number is told, as {@link TaskInput} words it for {@code contactPhone}. */
  public static final String PHONE_MESSAGE = "联系电话格式不正确，" + PHONE_HINT;

  /** One line of text: no control character (PostgreSQL refuses NUL), no line break or tab. */
  public static final String SINGLE_LINE = "^[^\\p{Cntrl}]*$";
  private static final Pattern LINE_BREAKS = Pattern.compile("[\\t\\r\\n]");

  /** Text that may run over several lines (tab, line breaks), but holds no other control character. */
  public static final String MULTILINE_TEXT = "^(?:[^\\p{Cntrl}]|[\\t\\r\\n])*$";

  /** Values of the use type select in forms/application.form and forms/intake.form, as a pattern. */
  public static final String USE_TYPE_PATTERN = "industrial|commercial|construction|residential|publicService";
  public static final Set<String> USE_TYPES = Set.of(USE_TYPE_PATTERN.split("\\|"));
  /** Their names as those forms show them, and as the supply contract names the tariff class. */
  public static final Map<String, String> USE_TYPE_LABELS = Map.of("industrial", "工业用水", "commercial", "商业用水",
      "construction", "建筑施工临时用水", "residential", "居民住宅小区", "publicService", "机关事业/公共服务");

  /** Values of the channel select (counter, hotline, app, WeChat, web), as a pattern. */
  public static final String CHANNEL_PATTERN = "counter|hotline|app|wechat|web";
  public static final Set<String> CHANNELS = Set.of(CHANNEL_PATTERN.split("\\|"));

  public static final int NAME_MAX = 100;
  public static final int ADDRESS_MAX = 200;
  public static final int PHONE_MAX = 20;
  public static final double PEAK_DEMAND_MIN = 0.1;
  public static final double PEAK_DEMAND_MAX = 10_000;

  /** A pre-engaged project's investment project code (提前办项目编号). */
  public static final Pattern PROJECT_REFERENCE_FORMAT = Pattern.compile(PreEngagementProcess.REFERENCE_PATTERN);
  public static final int PROJECT_REFERENCE_MAX = 40;
  public static final String PROJECT_REFERENCE_HINT = "应为投资项目统一代码，形如 2026-430211-47-01-000123";

  /** Checks the application fields as staff confirmed or corrected them. */
  public static void check(TaskInput input) {
    singleLine(input, APPLICANT_NAME, input.requiredText(APPLICANT_NAME, NAME_MAX));
    input.requiredText(CONTACT_PHONE, PHONE_MAX, PHONE, PHONE_HINT);
    singleLine(input, SITE_ADDRESS, input.requiredText(SITE_ADDRESS, ADDRESS_MAX));
    input.requiredChoice(USE_TYPE, USE_TYPES);
    input.requiredNumber(EXPECTED_PEAK_DEMAND, PEAK_DEMAND_MIN, PEAK_DEMAND_MAX);
  }

  /**
   * Checks an application as filed, through any channel: the fields, a known channel, and a project
   * reference, when given, of the right form. Whether the project exists is the start form's check.
   *
   * @return the project reference as given, stripped, or null when there is none or it is malformed
   */
  public static String checkFiling(TaskInput input) {
    check(input);
    input.requiredChoice(CHANNEL, CHANNELS);
    String reference = input.optionalText(PROJECT_REFERENCE, PROJECT_REFERENCE_MAX);
    if (reference == null || reference.isBlank()) {
      return null;
    }
    reference = reference.strip();
    if (!PROJECT_REFERENCE_FORMAT.matcher(reference).matches()) {
      input.problem(PROJECT_REFERENCE, PROJECT_REFERENCE.label() + "格式不正确，" + PROJECT_REFERENCE_HINT + "；没有可不填");
      return null;
    }
    return reference;
  }

  private static void singleLine(TaskInput input, ProcessVariable<String> variable, String value) {
    if (value != null && LINE_BREAKS.matcher(value).find()) {
      input.problem(variable, variable.label() + "只能写一行，不能包含换行或制表符");
    }
  }

  private ApplicationRules() {
  }
}
