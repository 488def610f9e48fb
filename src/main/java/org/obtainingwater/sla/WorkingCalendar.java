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
import java.util.Collections;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
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
  /** Replaced as a whole when a year's notice is loaded, so a computation sees one calendar. */
  private volatile Days days;

  /**
   * The days off and worked weekend days, the years whose State Council notice is loaded (official), and the
   * year after the last of them when its days off are {@link StatutoryHolidays provisional}.
   */
  private record Days(Set<LocalDate> holidays, Set<LocalDate> workingWeekendDays, SortedSet<Integer> officialYears,
      SortedSet<Integer> provisionalYears) {
  }

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
    Set<LocalDate> holidays = days("holidays", settings.holidays());
    Set<LocalDate> workingWeekendDays = days("working-weekend-days", settings.workingWeekendDays());
    check(holidays, workingWeekendDays);
    SortedSet<Integer> official = new TreeSet<>();
    holidays.forEach(day -> official.add(day.getYear()));
    this.days = withProvisionalYear(holidays, workingWeekendDays, official);
  }

  /**
   * Loads the State Council's notice for a year (docs/operations.md): its days off and the weekend days worked
   * instead replace whatever the calendar had for that year, which is official from now on; due dates, timers and
   * scorecard figures computed afterwards use it. The year after the last official one becomes provisional.
   *
   * @throws RuntimeException (IllegalArgument/IllegalState) naming the entry when it is not a date of that year, or
   *     the entries contradict each other; the calendar is then unchanged
   */
  public synchronized void load(int year, Collection<String> holidays, Collection<String> workingWeekendDays) {
    Set<LocalDate> off = days("holidays", holidays);
    Set<LocalDate> worked = days("working-weekend-days", workingWeekendDays);
    for (LocalDate day : concat(off, worked)) {
      if (day.getYear() != year) {
        throw new IllegalArgumentException("The notice for " + year + " lists " + day + ", a day of another year");
      }
    }
    check(off, worked);
    Days current = days;
    Set<LocalDate> allOff = new TreeSet<>(current.holidays());
    allOff.removeIf(day -> day.getYear() == year);
    allOff.addAll(off);
    Set<LocalDate> allWorked = new TreeSet<>(current.workingWeekendDays());
    allWorked.removeIf(day -> day.getYear() == year);
    allWorked.addAll(worked);
    SortedSet<Integer> official = new TreeSet<>(current.officialYears());
    official.add(year);
    days = withProvisionalYear(allOff, allWorked, official);
    LOG.info("Working calendar: the State Council's notice for {} is loaded ({} days off, {} weekend days worked); "
        + "official years {}, provisional {}", year, off.size(), worked.size(), days.officialYears(),
        days.provisionalYears());
  }

  /** The years whose State Council notice is loaded. */
  public SortedSet<Integer> officialYears() {
    return Collections.unmodifiableSortedSet(days.officialYears());
  }

  /** The year after the last official one, when its statutory holidays stand in for the missing notice. */
  public SortedSet<Integer> provisionalYears() {
    return Collections.unmodifiableSortedSet(days.provisionalYears());
  }

  private static Days withProvisionalYear(Set<LocalDate> holidays, Set<LocalDate> workingWeekendDays,
      SortedSet<Integer> official) {
    Set<LocalDate> off = new TreeSet<>(holidays);
    SortedSet<Integer> provisional = new TreeSet<>();
    if (!official.isEmpty()) {
      int next = official.last() + 1;
      StatutoryHolidays.of(next).ifPresent(statutory -> {
        off.removeIf(day -> day.getYear() == next);
        off.addAll(statutory);
        provisional.add(next);
      });
    }
    return new Days(Set.copyOf(off), Set.copyOf(workingWeekendDays), official, provisional);
  }

  private static void check(Set<LocalDate> holidays, Set<LocalDate> workingWeekendDays) {
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

  private static Set<LocalDate> concat(Set<LocalDate> first, Set<LocalDate> second) {
    Set<LocalDate> both = new TreeSet<>(first);
    both.addAll(second);
    return both;
  }

  /** Warns when the holiday list does not reach as far as cases will run (the coming 60 days). */
  public void warnIfHolidaysRunOut(LocalDate today) {
    int year = today.plusDays(60).getYear();
    if (!days.officialYears().contains(year)) {
      LOG.warn("The working calendar has no State Council notice for {}: put the {} notice in the notices directory "
          + "(obtaining-water.working-calendar.notices-directory, docs/operations.md); "
          + "until then {} counts only its statutory holidays (provisional: {}), or every weekday when not provisional",
          year, year, year, days.provisionalYears());
    }
  }

  /**
   * The last day of the official calendar: 31 December of the last year whose State Council notice is loaded, or
   * empty when none is. After it only a provisional year (statutory holidays, no 调休) or nothing stands in.
   */
  public Optional<LocalDate> lastCoveredDay() {
    SortedSet<Integer> official = days.officialYears();
    return official.isEmpty() ? Optional.empty() : Optional.of(LocalDate.of(official.last(), 12, 31));
  }

  public ZoneId zone() {
    return zone;
  }

  /** When the office day begins (local time of the zone): where a morning visit slot starts. */
  public LocalTime opens() {
    return opens;
  }

  /** When the office day ends. */
  public LocalTime closes() {
    return closes;
  }

  /** The length of one office day: what one working day ({@code P1D}) is worth. */
  public Duration officeDay() {
    return officeDay;
  }

  public boolean isWorkingDay(LocalDate day) {
    Days current = days;
    if (current.holidays().contains(day)) {
      return false;
    }
    return !isWeekend(day) || current.workingWeekendDays().contains(day);
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
