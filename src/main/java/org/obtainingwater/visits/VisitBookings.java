package org.obtainingwater.visits;

import static org.obtainingwater.cases.RequestRefusedException.Reason.CONFLICT;
import static org.obtainingwater.cases.RequestRefusedException.Reason.NOT_FOUND;
import static org.obtainingwater.process.CaseVariables.CARD_VISIT;

import java.sql.Date;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.obtainingwater.cases.CaseRecord;
import org.obtainingwater.cases.CaseRecords;
import org.obtainingwater.cases.RequestRefusedException;
import org.obtainingwater.notification.NotificationOutbox;
import org.obtainingwater.process.InvalidInputException;
import org.obtainingwater.process.RecordedTime;
import org.obtainingwater.sla.CustomerTime;
import org.obtainingwater.sla.WorkingCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Visits booked by the customer (issue 16 item 3, docs/adr/0042): a half-day slot (上午/下午) on a working day,
 * within a window of working days from the earliest slot the utility can offer, at most the configured number of
 * visits of the kind per half-day. Either side may reschedule; every change is a row of
 * {@code visit_booking_change}. The booked slot is put on the case as a readable text variable for the task's
 * form and on the open task for its Tasklist card. A slot the customer chooses later than the earliest offered
 * makes the half-days between them the customer's time ({@link CustomerTime}); staff moving a visit does not, and
 * tells the customer by SMS instead (docs/adr/0044).
 */
@Service
@EnableConfigurationProperties(VisitSettings.class)
public class VisitBookings {

  private static final Logger LOG = LoggerFactory.getLogger(VisitBookings.class);
  /** The cause under which a booking's customer time is kept, per kind (a pause will have causes of its own). */
  static final String CAUSE_PREFIX = "BOOKED_LATER_";
  private static final String[] WEEKDAYS = {"周一", "周二", "周三", "周四", "周五", "周六", "周日"};

  /** Morning or afternoon. */
  public enum HalfDay {
    AM("上午"), PM("下午");

    private final String label;

    HalfDay(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** A half-day on a date; ordered by time. */
  public record Slot(LocalDate date, HalfDay halfDay) implements Comparable<Slot> {

    @Override
    public int compareTo(Slot other) {
      int byDate = date.compareTo(other.date);
      return byDate != 0 ? byDate : halfDay.compareTo(other.halfDay);
    }

    /** As people say it: 12月8日（周二）上午. */
    public String label() {
      return date.getMonthValue() + "月" + date.getDayOfMonth() + "日（" + WEEKDAYS[date.getDayOfWeek().getValue() - 1]
          + "）" + halfDay.label();
    }
  }

  /** A slot of the window with how many places it has left. */
  public record SlotOffer(Slot slot, int free) {
  }

  /** The visit as booked: the slot, the earliest slot offered at the first booking, the customer's time. */
  public record Booking(VisitKind kind, Slot slot, Slot earliest, Duration customerTime, OffsetDateTime bookedAt) {
  }

  /** One booking or rescheduling. */
  public record Change(String role, String changedBy, OffsetDateTime changedAt, Slot from, Slot to, String reason) {
  }

  /**
   * What the customer is offered now for one visit of the case: whether it can be booked (and why not), the
   * current booking, the earliest free slot and every slot of the window, and the history of changes.
   */
  public record Offer(VisitKind kind, boolean bookable, String reason, Optional<Booking> booking,
      Optional<Slot> earliest, List<SlotOffer> slots, List<Change> changes, int windowWorkingDays) {
  }

  private final JdbcTemplate jdbc;
  private final CaseRecords records;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final WorkingCalendar calendar;
  private final CustomerTime customerTime;
  private final VisitSettings settings;
  private final NotificationOutbox outbox;

  VisitBookings(JdbcTemplate jdbc, CaseRecords records, RuntimeService runtime, TaskService tasks,
      WorkingCalendar calendar, CustomerTime customerTime, VisitSettings settings, NotificationOutbox outbox) {
    this.outbox = outbox;
    this.jdbc = jdbc;
    this.records = records;
    this.runtime = runtime;
    this.tasks = tasks;
    this.calendar = calendar;
    this.customerTime = customerTime;
    this.settings = settings;
    if (!settings.afternoonStarts().isAfter(calendar.opens()) || !settings.afternoonStarts().isBefore(calendar.closes())) {
      throw new IllegalStateException("obtaining-water.visits.afternoon-starts (" + settings.afternoonStarts()
          + ") must lie within the office day " + calendar.opens() + "–" + calendar.closes());
    }
  }

  /** The offer for the phone's own case; another phone's case is not found, as everywhere in the customer API. */
  @Transactional(readOnly = true)
  public Offer offer(String applicationNumber, String contactPhone, VisitKind kind) {
    CaseRecord record = records.customersOwn(applicationNumber, contactPhone);
    return offer(record, kind);
  }

  /** The offer of any case, for staff. */
  @Transactional(readOnly = true)
  public Offer offer(String applicationNumber, VisitKind kind) {
    return offer(records.find(applicationNumber).orElseThrow(() -> staffNotFound(applicationNumber)), kind);
  }

  /** The visits booked for the case, for its status and timeline. */
  public List<Booking> bookings(String applicationNumber) {
    return jdbc.query("SELECT visit_kind, visit_date, half_day, earliest_date, earliest_half_day, booked_at "
        + "FROM visit_booking WHERE application_number = ? ORDER BY booked_at", (rs, row) -> {
          VisitKind kind = VisitKind.valueOf(rs.getString("visit_kind"));
          return new Booking(kind, new Slot(rs.getDate("visit_date").toLocalDate(), HalfDay.valueOf(rs.getString("half_day"))),
              new Slot(rs.getDate("earliest_date").toLocalDate(), HalfDay.valueOf(rs.getString("earliest_half_day"))),
              customerTime.inStage(applicationNumber, kind.stage()), RecordedTime.read(rs, "booked_at"));
        }, applicationNumber);
  }

  /** Books or reschedules the visit for the customer of the phone; a later choice than the earliest is the customer's time. */
  @Transactional
  public Offer bookByCustomer(String applicationNumber, String contactPhone, VisitKind kind, LocalDate date,
      HalfDay halfDay, String reason) {
    CaseRecord record = records.lockCustomersOwn(applicationNumber, contactPhone);
    return book(record, kind, new Slot(date, halfDay), "CUSTOMER", record.contactPhone(), reason);
  }

  /** Reschedules (or books) the visit for staff; the customer's time stays as the customer's own choices made it. */
  @Transactional
  public Offer bookByStaff(String applicationNumber, String login, VisitKind kind, LocalDate date, HalfDay halfDay,
      String reason) {
    CaseRecord record = records.lock(applicationNumber).orElseThrow(() -> staffNotFound(applicationNumber));
    return book(record, kind, new Slot(date, halfDay), "STAFF", login, reason);
  }

  private Offer book(CaseRecord record, VisitKind kind, Slot chosen, String role, String by, String reason) {
    String number = record.applicationNumber();
    Optional<Task> task = openTask(record, kind);
    String closed = notBookable(record, kind, task);
    if (closed != null) {
      throw new RequestRefusedException(CONFLICT, closed);
    }
    if (!calendar.isWorkingDay(chosen.date())) {
      throw new InvalidInputException("date", chosen.date().getMonthValue() + "月" + chosen.date().getDayOfMonth()
          + "日不是工作日（周末、法定节假日不上门），请选择工作日");
    }
    // every booking of this kind takes its turn here: counting a slot and taking its place are one step
    jdbc.queryForObject("SELECT visit_kind FROM visit_kind_lock WHERE visit_kind = ? FOR UPDATE", String.class,
        kind.name());
    Optional<Booking> current = booking(number, kind);
    List<SlotOffer> window = window(kind, number);
    if (window.stream().noneMatch(offer -> offer.slot().equals(chosen))) {
      throw new InvalidInputException("date", "只能预约 " + window.get(0).slot().label() + " 至 "
          + window.get(window.size() - 1).slot().label() + " 之间工作日的上午或下午（最早须提前 "
          + settings.minNotice().toHours() + " 小时）");
    }
    if (current.isPresent() && current.get().slot().equals(chosen)) {
      return offer(record, kind); // already so: nothing changes, nothing is recorded
    }
    SlotOffer place = window.stream().filter(offer -> offer.slot().equals(chosen)).findFirst().orElseThrow();
    if (place.free() < 1) {
      throw new RequestRefusedException(CONFLICT, chosen.label() + "的" + kind.label() + "名额已约满，请选择其他时段");
    }
    OffsetDateTime now = RecordedTime.now();
    Slot earliest = current.map(Booking::earliest)
        .orElseGet(() -> window.stream().filter(offer -> offer.free() > 0).findFirst().orElseThrow().slot());
    if (current.isPresent()) {
      jdbc.update("UPDATE visit_booking SET visit_date = ?, half_day = ?, booked_at = ? WHERE application_number = ? "
          + "AND visit_kind = ?", Date.valueOf(chosen.date()), chosen.halfDay().name(), now, number, kind.name());
    } else {
      jdbc.update("INSERT INTO visit_booking (application_number, visit_kind, visit_date, half_day, earliest_date, "
          + "earliest_half_day, booked_at) VALUES (?, ?, ?, ?, ?, ?, ?)", number, kind.name(),
          Date.valueOf(chosen.date()), chosen.halfDay().name(), Date.valueOf(earliest.date()), earliest.halfDay().name(), now);
    }
    Slot from = current.map(Booking::slot).orElse(null);
    jdbc.update("INSERT INTO visit_booking_change (application_number, visit_kind, changed_by_role, changed_by, "
        + "changed_at, from_date, from_half_day, to_date, to_half_day, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        number, kind.name(), role, by, now, from == null ? null : Date.valueOf(from.date()),
        from == null ? null : from.halfDay().name(), Date.valueOf(chosen.date()), chosen.halfDay().name(), reason);
    String text = chosen.label();
    runtime.setVariable(record.processInstanceId(), kind.variable().name(), text);
    tasks.setVariableLocal(task.orElseThrow().getId(), CARD_VISIT.name(), text);
    if ("CUSTOMER".equals(role)) {
      int later = halfDaysBetween(earliest, chosen);
      customerTime.set(number, record.processInstanceId(), kind.stage(), kind.task(), CAUSE_PREFIX + kind.name(),
          "客户选择的" + kind.label() + "时间（" + text + "）晚于最早可约时段（" + earliest.label() + "）",
          calendar.officeDay().dividedBy(2).multipliedBy(later));
    } else {
      // the customer chose nothing: they hear of it by SMS, through the outbox, with this change's commit
      outbox.sendVisitRescheduled(number, record.contactPhone(), kind.label(), text, current.isPresent());
    }
    LOG.info("Application {}: {} visit {} by {} {} ({} -> {})", number, kind, current.isPresent() ? "rescheduled" : "booked",
        role, by, from, chosen);
    return offer(record, kind);
  }

  /**
   * The visit came but the customer was not ready (等待客户条件具备, docs/adr/0045): the booking is spent. The time of a
   * later choice stays the customer's under a cause of its own, the booking and the visit shown to staff go, and the
   * next booking, after the pause, is a first booking again counted from the earliest slot offered then: the time
   * of the pause is not the customer's twice.
   */
  @Transactional
  public void spentByPause(String applicationNumber, VisitKind kind, int pause, VariableScope caseScope) {
    customerTime.rename(applicationNumber, kind.stage(), CAUSE_PREFIX + kind.name(),
        CAUSE_PREFIX + kind.name() + "_BEFORE_PAUSE_" + pause);
    int spent = jdbc.update("DELETE FROM visit_booking WHERE application_number = ? AND visit_kind = ?", applicationNumber,
        kind.name());
    if (spent > 0) {
      caseScope.removeVariable(kind.variable().name());
      LOG.info("Application {}: the {} visit booked was spent by pause {}", applicationNumber, kind, pause);
    }
  }

  private Offer offer(CaseRecord record, VisitKind kind) {
    String number = record.applicationNumber();
    String closed = notBookable(record, kind, openTask(record, kind));
    List<SlotOffer> window = closed == null ? window(kind, number) : List.of();
    Optional<Slot> earliest = window.stream().filter(offer -> offer.free() > 0).map(SlotOffer::slot).findFirst();
    return new Offer(kind, closed == null, closed, booking(number, kind), earliest, window, changes(number, kind),
        settings.windowWorkingDays());
  }

  private Optional<Booking> booking(String number, VisitKind kind) {
    return bookings(number).stream().filter(booking -> booking.kind() == kind).findFirst();
  }

  private List<Change> changes(String number, VisitKind kind) {
    return jdbc.query("SELECT changed_by_role, changed_by, changed_at, from_date, from_half_day, to_date, to_half_day, "
        + "reason FROM visit_booking_change WHERE application_number = ? AND visit_kind = ? ORDER BY id", (rs, row) -> {
          Date fromDate = rs.getDate("from_date");
          return new Change(rs.getString("changed_by_role"), rs.getString("changed_by"), RecordedTime.read(rs, "changed_at"),
              fromDate == null ? null : new Slot(fromDate.toLocalDate(), HalfDay.valueOf(rs.getString("from_half_day"))),
              new Slot(rs.getDate("to_date").toLocalDate(), HalfDay.valueOf(rs.getString("to_half_day"))),
              rs.getString("reason"));
        }, number, kind.name());
  }

  private Optional<Task> openTask(CaseRecord record, VisitKind kind) {
    return Optional.ofNullable(tasks.createTaskQuery().processInstanceId(record.processInstanceId())
        .taskDefinitionKey(kind.task()).singleResult());
  }

  /** Why the visit cannot be booked now, in words for the customer; null when it can. */
  private static String notBookable(CaseRecord record, VisitKind kind, Optional<Task> task) {
    if (record.finished()) {
      return "申请 " + record.applicationNumber() + " 已办结（" + record.outcome().label() + "），无需预约";
    }
    if (record.stage() != kind.stage() || task.isEmpty()) {
      return "现在不能预约" + kind.label() + "：申请当前环节是" + record.stage().label() + "，"
          + (record.stage().ordinal() < kind.stage().ordinal() ? "到" + kind.stage().label() + "环节时" : "该环节已过，")
          + (record.stage().ordinal() < kind.stage().ordinal() ? "再预约" : "无需预约");
    }
    return null;
  }

  /**
   * The slots of the window: from the first half-day that starts at least the notice after now, the half-days
   * of the next working days, each with its places left (this case's own booking not counted against it).
   */
  private List<SlotOffer> window(VisitKind kind, String number) {
    ZoneId zone = calendar.zone();
    Instant notBefore = ClockUtil.getCurrentTime().toInstant().plus(settings.minNotice());
    List<Slot> slots = new ArrayList<>();
    int days = 0;
    for (LocalDate day = LocalDate.ofInstant(notBefore, zone); days < settings.windowWorkingDays(); day = day.plusDays(1)) {
      if (!calendar.isWorkingDay(day)) {
        continue;
      }
      boolean any = false;
      for (HalfDay half : HalfDay.values()) {
        Instant starts = day.atTime(half == HalfDay.AM ? calendar.opens() : settings.afternoonStarts()).atZone(zone).toInstant();
        if (!starts.isBefore(notBefore)) {
          slots.add(new Slot(day, half));
          any = true;
        }
      }
      if (any) {
        days++;
      }
    }
    Map<Slot, Integer> taken = new java.util.HashMap<>();
    jdbc.query("SELECT b.visit_date, b.half_day, COUNT(*) FROM visit_booking b JOIN application a "
        + "ON a.application_number = b.application_number WHERE b.visit_kind = ? AND b.visit_date BETWEEN ? AND ? "
        + "AND b.application_number <> ? AND a.stage <> 'WITHDRAWAL' AND (a.outcome IS NULL OR a.outcome <> 'WITHDRAWN') "
        + "GROUP BY b.visit_date, b.half_day", rs -> {
          taken.put(new Slot(rs.getDate(1).toLocalDate(), HalfDay.valueOf(rs.getString(2))), rs.getInt(3));
        }, kind.name(), Date.valueOf(slots.get(0).date()), Date.valueOf(slots.get(slots.size() - 1).date()), number);
    int capacity = settings.capacity(kind);
    return slots.stream().map(slot -> new SlotOffer(slot, Math.max(0, capacity - taken.getOrDefault(slot, 0)))).toList();
  }

  /** Half-days on working days from {@code from} to {@code to}; 0 when {@code to} is not later. */
  int halfDaysBetween(Slot from, Slot to) {
    if (to.compareTo(from) <= 0) {
      return 0;
    }
    int count = 0;
    Predicate<LocalDate> working = calendar::isWorkingDay;
    for (LocalDate day = from.date(); !day.isAfter(to.date()); day = day.plusDays(1)) {
      if (!working.test(day)) {
        continue;
      }
      for (HalfDay half : HalfDay.values()) {
        Slot slot = new Slot(day, half);
        if (slot.compareTo(from) >= 0 && slot.compareTo(to) < 0) {
          count++;
        }
      }
    }
    return count;
  }

  private static RequestRefusedException staffNotFound(String applicationNumber) {
    return new RequestRefusedException(NOT_FOUND, "没有编号为 " + applicationNumber + " 的申请");
  }

}
