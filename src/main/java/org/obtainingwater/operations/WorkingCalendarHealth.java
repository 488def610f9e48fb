package org.obtainingwater.operations;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.obtainingwater.sla.WorkingCalendar;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Readiness part {@code workingCalendar}: DOWN when the loaded calendar ends within the look-ahead (60 days by
 * default), because due dates, SLA timers and the scorecard would then count the next year's holidays as working
 * days (or, for a provisional year, only its statutory holidays without 调休). The fix is to load the State Council's
 * notice for the next year (docs/operations.md); the official years count here, not the provisional one. Today is the engine's
 * clock in the utility's zone, as for every due date.
 */
@Component("workingCalendarHealthIndicator")
class WorkingCalendarHealth extends AbstractHealthIndicator {

  private final WorkingCalendar calendar;
  private final Duration lookAhead;

  WorkingCalendarHealth(WorkingCalendar calendar,
      @Value("${obtaining-water.operations.calendar-look-ahead:P60D}") Duration lookAhead) {
    super("The working calendar could not be checked");
    this.calendar = calendar;
    this.lookAhead = lookAhead;
  }

  @Override
  protected void doHealthCheck(Health.Builder health) {
    LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), calendar.zone());
    LocalDate needed = today.plusDays(lookAhead.toDays());
    Optional<LocalDate> last = calendar.lastCoveredDay();
    health.withDetail("today", today.toString()).withDetail("neededThrough", needed.toString())
        .withDetail("coveredThrough", last.map(LocalDate::toString).orElse("nothing"))
        .withDetail("officialYears", calendar.officialYears())
        .withDetail("provisionalYears", calendar.provisionalYears());
    if (last.isPresent() && !last.get().isBefore(needed)) {
      health.up();
    } else {
      int year = last.map(day -> day.getYear() + 1).orElse(today.getYear());
      health.down().withDetail("action", "Put the State Council's holiday notice for " + year
          + " into the notices directory (obtaining-water.working-calendar.notices-directory, docs/operations.md)");
    }
  }
}
