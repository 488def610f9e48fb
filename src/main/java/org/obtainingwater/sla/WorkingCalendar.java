package org.obtainingwater.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Working time as the utility promises it (see DOMAIN.md: stage targets count working days).
 * Weekends are off unless listed as an adjusted working day (调休上班); public holidays are off;
 * a working day is the office day from {@code opens} to {@code closes}.
 *
 * <p>Durations are ISO-8601 and count working time: {@code P1D} is one office day (from Monday
 * 10:00 to Tuesday 10:00), {@code PT4H} four office hours, {@code P1W} five working days. Years and
 * months are refused: they have no working-time meaning.
 */
@Component
@EnableConfigurationProperties(WorkingCalendarSettings.class)
public class WorkingCalendar {

  private static final Logger LOG = LoggerFactory.getLogger(WorkingCalendar.class);
  private static final Pattern WORKING_DURATION = Pattern.compile(
      "P(?:(\\d+)W)?(?:(\\d+)D)?(?:T(?=\\d)(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+)S)?)?");
  private static final int WORKING_DAYS_PER_WEEK = 5;

  private final ZoneId zone;
  private final LocalTime opens;
  private final LocalTime closes;
  private final Duration officeDay;
  private final Set<LocalDate> holidays;
  private final Set<LocalDate> workingWeekendDays;

  public WorkingCalendar(WorkingCalendarSettings settings,
      ZoneId zone) {
    this.zone = zone;
    this.opens = settings.opens();
    this.closes = settings.closes();
    if (!opens.isBefore(closes)) {
      throw new IllegalStateException("obtaining-water.working-calendar: opens (" + opens
          + ") must be before closes (" + closes + ")");
    }
    this.officeDay = Duration.between(opens, closes);
    this.holidays = days("holidays", settings.holidays());
    this.workingWeekendDays = days("working-weekend-days", settings.workingWeekendDays());
    for (LocalDate day : workingWeekendDays) {
      if (!isWeekend(day)) {
        throw new IllegalStateException("obtaining-water.working-calendar.working-weekend-days: " + day
            + " is a " + day.getDayOfWeek() + ", not a weekend day");
      }
      if (holidays.contains(day)) {
        throw new IllegalStateException("obtaining-water.working-calendar: " + day
            + " is listed both as a holiday and as a working weekend day");
      }
    }
  }

  /** Warns when the holiday list does not reach as far as cases will run (the coming 60 days). */
  public void warnIfHolidaysRunOut(LocalDate today) {
    int year = today.plusDays(60).getYear();
    if (holidays.stream().noneMatch(day -> day.getYear() == year)) {
      LOG.warn("The working calendar lists no public holidays for {}: add the State Council's {} "
          + "holiday notice to obtaining-water.working-calendar (docs/adr/0017-working-time.md); "
          + "until then every weekday of {} counts as a working day", year, year, year);
    }
  }

  /**
   * The last day the calendar knows about: 31 December of the last year whose public holidays are
   * listed, or empty when none is. After it every weekday would count as a working day.
   */
  public Optional<LocalDate> lastCoveredDay() {
    return holidays.stream().max(Comparator.naturalOrder()).map(last -> LocalDate.of(last.getYear(), 12, 31));
  }

  public ZoneId zone() {
    return zone;
  }

  /** The length of one office day: what one working day ({@code P1D}) is worth. */
  public Duration officeDay() {
    return officeDay;
  }

  public boolean isWorkingDay(LocalDate day) {
    if (holidays.contains(day)) {
      return false;
    }
    return !isWeekend(day) || workingWeekendDays.contains(day);
  }

  /**
   * The instant {@code isoDuration} of working time after {@code start}. Time outside office hours
   * does not count; a result on the end of the office day stays on that day (a one-day task
   * received on Friday evening is due Monday at closing, not Tuesday at opening).
   *
   * @throws IllegalArgumentException when the duration is not ISO-8601 weeks, days and time
   */
  public Instant add(Instant start, String isoDuration) {
    return add(start, workingTime(isoDuration));
  }

  /**
   * One working day after the engine's clock: where the Tasklist filter 即将超期任务 ends
   * ({@code ${workingCalendar.oneWorkingDayFromNow()}}, {@code StaffAccessSetup}). On a Friday afternoon
   * that reaches into Monday afternoon.
   */
  public Date oneWorkingDayFromNow() {
    return Date.from(add(ClockUtil.getCurrentTime().toInstant(), "P1D"));
  }

  /** The instant {@code workingTime} of office time after {@code start}. */
  public Instant add(Instant start, Duration workingTime) {
    if (workingTime.isNegative()) {
      throw new IllegalArgumentException("A working-time duration cannot be negative: " + workingTime);
    }
    if (workingTime.isZero()) {
      return start;
    }
    LocalDateTime cursor = LocalDateTime.ofInstant(start, zone);
    Duration remaining = workingTime;
    while (true) {
      LocalDate day = cursor.toLocalDate();
      if (!isWorkingDay(day) || !cursor.toLocalTime().isBefore(closes)) {
        cursor = nextWorkingDay(day).atTime(opens);
        continue;
      }
      if (cursor.toLocalTime().isBefore(opens)) {
        cursor = day.atTime(opens);
      }
      Duration available = Duration.between(cursor.toLocalTime(), closes);
      if (remaining.compareTo(available) <= 0) {
        return cursor.plus(remaining).atZone(zone).toInstant();
      }
      remaining = remaining.minus(available);
      cursor = nextWorkingDay(day).atTime(opens);
    }
  }

  /** Office time between two instants; negative when {@code to} is before {@code from}. */
  public Duration workingTimeBetween(Instant from, Instant to) {
    if (to.isBefore(from)) {
      return workingTimeBetween(to, from).negated();
    }
    LocalDateTime start = LocalDateTime.ofInstant(from, zone);
    LocalDateTime end = LocalDateTime.ofInstant(to, zone);
    Duration total = Duration.ZERO;
    for (LocalDate day = start.toLocalDate(); !day.isAfter(end.toLocalDate()); day = day.plusDays(1)) {
      if (!isWorkingDay(day)) {
        continue;
      }
      LocalDateTime dayOpens = day.atTime(opens);
      LocalDateTime dayCloses = day.atTime(closes);
      LocalDateTime begin = start.isAfter(dayOpens) ? start : dayOpens;
      LocalDateTime finish = end.isBefore(dayCloses) ? end : dayCloses;
      if (finish.isAfter(begin)) {
        total = total.plus(Duration.between(begin, finish));
      }
    }
    return total;
  }

  /** {@link #workingTimeBetween} in working days: one office day is 1.0. */
  public double workingDaysBetween(Instant from, Instant to) {
    return (double) workingTimeBetween(from, to).toSeconds() / officeDay.toSeconds();
  }

  /** An ISO-8601 duration read as working time: days and weeks are office days. */
  public Duration workingTime(String isoDuration) {
    Matcher m = isoDuration == null ? null : WORKING_DURATION.matcher(isoDuration.trim());
    if (m == null || !m.matches() || isoDuration.trim().equals("P")) {
      throw new IllegalArgumentException("'" + isoDuration + "' is not a working-time duration: write ISO-8601 "
          + "weeks, days, hours and minutes, e.g. P1D, P2DT4H, PT30M (years and months are not working time)");
    }
    long days = number(m.group(1)) * WORKING_DAYS_PER_WEEK + number(m.group(2));
    return officeDay.multipliedBy(days)
        .plusHours(number(m.group(3))).plusMinutes(number(m.group(4))).plusSeconds(number(m.group(5)));
  }

  private LocalDate nextWorkingDay(LocalDate day) {
    LocalDate next = day.plusDays(1);
    while (!isWorkingDay(next)) {
      next = next.plusDays(1);
    }
    return next;
  }

  private static boolean isWeekend(LocalDate day) {
    return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  private static long number(String group) {
    return group == null ? 0 : Long.parseLong(group);
  }

  /** Reads {@code 2026-01-01} and {@code 2026-02-15..2026-02-23} entries. */
  private static Set<LocalDate> days(String property, Collection<String> entries) {
    Set<LocalDate> days = new TreeSet<>();
    for (String entry : entries) {
      String[] bounds = entry.trim().split("\\.\\.", -1);
      try {
        LocalDate first = LocalDate.parse(bounds[0].trim());
        LocalDate last = bounds.length == 2 ? LocalDate.parse(bounds[1].trim()) : first;
        if (bounds.length > 2 || last.isBefore(first)) {
          throw new IllegalStateException("obtaining-water.working-calendar." + property + ": '" + entry
              + "' must be a date or an ascending range like 2026-02-15..2026-02-23");
        }
        first.datesUntil(last.plusDays(1)).forEach(days::add);
      } catch (DateTimeParseException e) {
        throw new IllegalStateException("obtaining-water.working-calendar." + property + ": '" + entry
            + "' is not a date (yyyy-MM-dd) or a range of dates", e);
      }
    }
    return days;
  }
}
