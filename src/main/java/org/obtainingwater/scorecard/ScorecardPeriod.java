package org.obtainingwater.scorecard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import io.swagger.v3.oas.annotations.media.Schema;
import org.obtainingwater.process.InvalidInputException;

/**
 * The days a scorecard covers, both included, in the utility's time zone: a case belongs to the
 * period when its water came on between the start of {@code from} and the end of {@code to}.
 */
@Schema(description = "统计期间（含首尾两天，按供水企业所在时区）：通水时间落在期间内的申请参与统计")
record ScorecardPeriod(
    @Schema(description = "起始日期", example = "2026-10-01") LocalDate from,
    @Schema(description = "截止日期（含）", example = "2026-10-31") LocalDate to,
    @Schema(description = "时区", example = "Asia/Shanghai") ZoneId zone) {

  /** A scorecard over more than this many days would mix targets and calendars of different years. */
  static final int MAX_DAYS = 366;

  Instant start() {
    return from.atStartOfDay(zone).toInstant();
  }

  Instant end() {
    return to.plusDays(1).atStartOfDay(zone).toInstant();
  }

  long days() {
    return ChronoUnit.DAYS.between(from, to) + 1;
  }

  /**
   * The period the query parameters ask for; without them, the last calendar month before
   * {@code today}.
   *
   * @throws InvalidInputException naming the parameter that is wrong and how to write it
   */
  static ScorecardPeriod parse(String from, String to, ZoneId zone, LocalDate today) {
    LocalDate lastMonth = today.withDayOfMonth(1).minusMonths(1);
    LocalDate start = from == null || from.isBlank() ? null : date("from", from);
    LocalDate end = to == null || to.isBlank() ? null : date("to", to);
    if (start == null && end == null) {
      start = lastMonth;
      end = lastMonth.plusMonths(1).minusDays(1);
    } else if (start == null) {
      start = end.withDayOfMonth(1);
    } else if (end == null) {
      end = start.plusMonths(1).withDayOfMonth(1).minusDays(1);
    }
    if (end.isBefore(start)) {
      throw new InvalidInputException("to", "截止日期 " + end + " 早于起始日期 " + start + "：请交换两个日期");
    }
    ScorecardPeriod period = new ScorecardPeriod(start, end, zone);
    if (period.days() > MAX_DAYS) {
      throw new InvalidInputException("to", "统计期间最长 " + MAX_DAYS + " 天，" + start + " 至 " + end + " 共 "
          + period.days() + " 天：请缩短期间，或分年份查询");
    }
    return period;
  }

  private static LocalDate date(String parameter, String text) {
    try {
      return LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(parameter, "“" + text + "”不是日期：请写成 2026-10-01 这样的年-月-日");
    }
  }
}
