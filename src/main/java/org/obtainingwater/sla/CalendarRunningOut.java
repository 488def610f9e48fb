package org.obtainingwater.sla;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells supervisors once, through the {@link SupervisorNotifier}, when the official working calendar ends within
 * the look-ahead (60 days) and the next year's notice is not loaded. Checked every
 * {@code obtaining-water.working-calendar.check-interval} (an hour) on nodes where
 * {@code check-enabled} (tests check by hand). One row per year in {@code working_calendar_warning}, written in the
 * transaction that sends, makes it one notice across checks, restarts and nodes. Readiness says the same
 * ({@code operations.WorkingCalendarHealth}).
 */
@Component
public class CalendarRunningOut {

  private static final Logger LOG = LoggerFactory.getLogger(CalendarRunningOut.class);

  private final WorkingCalendar calendar;
  private final SupervisorNotifier notifier;
  private final Supervisor supervisor;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final Duration lookAhead;
  private final boolean enabled;

  CalendarRunningOut(WorkingCalendar calendar, SupervisorNotifier notifier, EscalationSettings escalation,
      JdbcTemplate jdbc, TransactionTemplate transaction,
      @Value("${obtaining-water.operations.calendar-look-ahead:P60D}") Duration lookAhead,
      @Value("${obtaining-water.working-calendar.check-enabled:true}") boolean enabled) {
    this.calendar = calendar;
    this.notifier = notifier;
    this.supervisor = escalation.defaultSupervisor();
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.lookAhead = lookAhead;
    this.enabled = enabled;
  }

  @Scheduled(initialDelayString = "PT1M", fixedDelayString = "${obtaining-water.working-calendar.check-interval:PT1H}")
  void checkOnSchedule() {
    if (enabled) {
      check();
    }
  }

  /** Sends the notice when it is due and was not sent before; answers whether this call sent it. */
  public boolean check() {
    LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), calendar.zone());
    Optional<LocalDate> last = calendar.lastCoveredDay();
    if (last.isEmpty() || !last.get().isBefore(today.plusDays(lookAhead.toDays()))) {
      return false;
    }
    int missing = last.get().getYear() + 1;
    CalendarNotice notice = new CalendarNotice(missing, last.get(), calendar.provisionalYears().contains(missing),
        supervisor);
    try {
      return Boolean.TRUE.equals(transaction.execute(status -> {
        jdbc.update("INSERT INTO working_calendar_warning (calendar_year, sent_at) VALUES (?, ?)", missing,
            OffsetDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneOffset.UTC));
        notifier.notify(notice);
        LOG.warn("Supervisors told that the State Council's notice for {} is missing: {}", missing, notice.text());
        return true;
      }));
    } catch (DuplicateKeyException alreadySent) {
      return false;
    }
  }
}
