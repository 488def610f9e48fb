package org.obtainingwater.adapters;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.obtainingwater.notification.Masking;
import org.obtainingwater.sla.CalendarNotice;
import org.obtainingwater.sla.ComplaintNotice;
import org.obtainingwater.sla.OverdueNotice;
import org.obtainingwater.sla.SupervisorNotifier;
import org.obtainingwater.sla.WorkingCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Local adapter: keeps the most recent notices in memory and logs them with the phone number
 * masked, so the application runs without the utility's messaging system. A notice repeated with the same
 * idempotency key is not sent again.
 */
@Component
@ConditionalOnProperty(name = "obtaining-water.adapters.supervisor-notifier", havingValue = "recording",
    matchIfMissing = true)
public class RecordingSupervisorNotifier implements SupervisorNotifier {

  private static final Logger LOG = LoggerFactory.getLogger(RecordingSupervisorNotifier.class);
  private static final int KEPT = 1_000;

  /** The name of the supervisors' messaging in the adapter journal. */
  public static final String SYSTEM = "supervisor-notifier";

  private final Deque<OverdueNotice> notices = new ArrayDeque<>();
  private final List<CalendarNotice> calendarNotices = new ArrayList<>();
  private final List<ComplaintNotice> complaintNotices = new ArrayList<>();
  private final WorkingCalendar calendar;
  private final IdempotentCalls calls;

  RecordingSupervisorNotifier(WorkingCalendar calendar, AdapterJournal journal) {
    this.calendar = calendar;
    this.calls = journal.calls(SYSTEM);
  }

  @Override
  public void notify(OverdueNotice notice) {
    IdempotentCalls.Answer answer = calls.call(notice.idempotencyKey(), () -> {
      record(notice);
      LOG.info("Overdue notice to {} ({}): {}", notice.supervisor().name(), Masking.phone(notice.supervisor().phone()),
          notice.text(calendar.zone()));
      return notice.idempotencyKey();
    });
    if (answer.repeat()) {
      LOG.info("Overdue notice {} for {} was already sent", notice.idempotencyKey(), notice.applicationNumber());
    }
  }

  @Override
  public void notify(CalendarNotice notice) {
    IdempotentCalls.Answer answer = calls.call(notice.idempotencyKey(), () -> {
      synchronized (this) {
        calendarNotices.add(notice);
      }
      LOG.info("Working calendar notice to {} ({}): {}", notice.supervisor().name(),
          Masking.phone(notice.supervisor().phone()), notice.text());
      return notice.idempotencyKey();
    });
    if (answer.repeat()) {
      LOG.info("Working calendar notice {} was already sent", notice.idempotencyKey());
    }
  }

  @Override
  public void notify(ComplaintNotice notice) {
    IdempotentCalls.Answer answer = calls.call(notice.idempotencyKey(), () -> {
      synchronized (this) {
        complaintNotices.add(notice);
      }
      LOG.info("Complaint notice to {} ({}): {}", notice.supervisor().name(), Masking.phone(notice.supervisor().phone()),
          notice.text());
      return notice.idempotencyKey();
    });
    if (answer.repeat()) {
      LOG.info("Complaint notice {} was already sent", notice.idempotencyKey());
    }
  }

  /** Complaint notices about one case, oldest first. */
  public synchronized List<ComplaintNotice> complaintNoticesFor(String applicationNumber) {
    return complaintNotices.stream().filter(notice -> notice.applicationNumber().equals(applicationNumber)).toList();
  }

  /** The working calendar notices, oldest first. */
  public synchronized List<CalendarNotice> calendarNotices() {
    return List.copyOf(calendarNotices);
  }

  private synchronized void record(OverdueNotice notice) {
    if (notices.size() == KEPT) {
      notices.removeFirst();
    }
    notices.addLast(notice);
  }

  /** Notices about one case, oldest first. */
  public synchronized List<OverdueNotice> noticesFor(String applicationNumber) {
    return notices.stream().filter(notice -> notice.applicationNumber().equals(applicationNumber)).toList();
  }
}
