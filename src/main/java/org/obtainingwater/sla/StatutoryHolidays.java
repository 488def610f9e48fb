package org.obtainingwater.sla;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A provisional year's days off while the State Council's notice for it is not loaded: the statutory holidays of
 * 全国年节及纪念日放假办法 (as revised in 2024, 13 days) on their own dates — 元旦 1 January, 春节 除夕 to 初三 (4 days),
 * 清明 (the solar term), 劳动节 1–2 May, 端午 (五月初五), 中秋 (八月十五), 国庆 1–3 October — without the bridging days and
 * the weekend days worked instead (调休) that only the notice sets. The lunar and solar-term dates are a table
 * (java.time has no Chinese calendar), taken from published Chinese calendars for the years listed; a year past the
 * table has no provisional calendar, so readiness reports the calendar running out (docs/operations.md).
 */
final class StatutoryHolidays {

  /** Year to 春节 (正月初一), 清明, 端午, 中秋. */
  private static final Map<Integer, LocalDate[]> LUNAR_AND_SOLAR_TERM = Map.of(
      2027, dates("2027-02-06", "2027-04-05", "2027-06-09", "2027-09-15"),
      2028, dates("2028-01-26", "2028-04-04", "2028-05-28", "2028-10-03"),
      2029, dates("2029-02-13", "2029-04-04", "2029-06-16", "2029-09-22"),
      2030, dates("2030-02-03", "2030-04-05", "2030-06-05", "2030-09-12"));

  private StatutoryHolidays() {
  }

  /** The statutory days off of the year, or empty when the table does not reach it. */
  static Optional<Set<LocalDate>> of(int year) {
    LocalDate[] moving = LUNAR_AND_SOLAR_TERM.get(year);
    if (moving == null) {
      return Optional.empty();
    }
    Set<LocalDate> days = new TreeSet<>();
    days.add(LocalDate.of(year, 1, 1));
    LocalDate springFestival = moving[0];
    springFestival.minusDays(1).datesUntil(springFestival.plusDays(3)).forEach(days::add);
    days.add(moving[1]);
    days.add(LocalDate.of(year, 5, 1));
    days.add(LocalDate.of(year, 5, 2));
    days.add(moving[2]);
    days.add(moving[3]);
    LocalDate.of(year, 10, 1).datesUntil(LocalDate.of(year, 10, 4)).forEach(days::add);
    return Optional.of(days);
  }

  private static LocalDate[] dates(String... days) {
    LocalDate[] parsed = new LocalDate[days.length];
    for (int i = 0; i < days.length; i++) {
      parsed[i] = LocalDate.parse(days[i]);
    }
    return parsed;
  }
}
