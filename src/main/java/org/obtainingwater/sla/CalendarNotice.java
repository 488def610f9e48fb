package org.obtainingwater.sla;

import java.time.LocalDate;

/**
 * What supervisors are told once when the official working calendar ends within 60 days and the State Council's
 * notice for the next year is not loaded.
 *
 * @param missingYear the year without a notice
 * @param officialUntil the last day of the official calendar
 * @param provisional whether statutory holidays stand in for the missing year meanwhile
 * @param supervisor who is told (the default supervisor of {@code obtaining-water.escalation})
 */
public record CalendarNotice(int missingYear, LocalDate officialUntil, boolean provisional, Supervisor supervisor) {

  /** The same for every check of that year, so the messaging system tells once (docs/adr/0021). */
  public String idempotencyKey() {
    return "working-calendar/" + missingYear;
  }

  /** The message as the supervisor reads it. */
  public String text() {
    return "【工作日历】系统中的法定节假日安排只到 " + officialUntil + "，尚未导入国务院办公厅 " + missingYear
        + " 年部分节假日安排的通知。" + (provisional
            ? "在导入之前，" + missingYear + " 年暂按法定节假日（不含调休）计算办理时限。"
            : missingYear + " 年的节假日暂按工作日计算办理时限。")
        + "请系统管理员尽快导入（见运行手册 docs/operations.md）。";
  }
}
