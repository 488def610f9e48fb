package org.obtainingwater.adapters;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.obtainingwater.notification.NoticeType;
import org.obtainingwater.notification.SmsGateway;
import org.obtainingwater.notification.SmsMessage;
import org.obtainingwater.sla.CalendarNotice;
import org.obtainingwater.sla.ComplaintNotice;
import org.obtainingwater.sla.OverdueNotice;
import org.obtainingwater.sla.StageTargets;
import org.obtainingwater.sla.SupervisorNotifier;
import org.obtainingwater.sla.WorkingCalendar;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Tells supervisors by SMS through the application's SMS gateway ({@code obtaining-water.adapters.supervisor-notifier:
 * sms}), with the templates {@code SUPERVISOR_OVERDUE}, {@code SUPERVISOR_CALENDAR} and {@code SUPERVISOR_COMPLAINT}. Sent from the escalation's job
 * or the calendar check, not through the outbox: a failure rolls the escalation back and the job's retries apply, a
 * throttled or refused answer as for every outside system (engine.OutsideSystemJobRetries). The notice's idempotency
 * key is the message id (docs/adr/0021).
 */
@Component
@ConditionalOnProperty(name = "obtaining-water.adapters.supervisor-notifier", havingValue = "sms")
class SmsSupervisorNotifier implements SupervisorNotifier {

  private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final SmsGateway gateway;
  private final ZoneId zone;

  @Autowired
  SmsSupervisorNotifier(SmsGateway gateway, WorkingCalendar calendar) {
    this(gateway, calendar.zone());
  }

  SmsSupervisorNotifier(SmsGateway gateway, ZoneId zone) {
    if (gateway instanceof AliyunSmsGateway aliyun) {
      List<String> missing = List.of(NoticeType.SUPERVISOR_OVERDUE, NoticeType.SUPERVISOR_CALENDAR,
          NoticeType.SUPERVISOR_COMPLAINT).stream()
          .filter(type -> !aliyun.hasTemplate(type)).map(type -> AliyunSmsGateway.PREFIX + ".templates." + type).toList();
      if (!missing.isEmpty()) {
        throw new IllegalStateException("The supervisor notifier is 'sms' but these settings are empty: "
            + String.join(", ", missing));
      }
    }
    this.gateway = gateway;
    this.zone = zone;
  }

  @Override
  public void notify(OverdueNotice notice) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("number", notice.applicationNumber());
    params.put("work", notice.work());
    params.put("days", StageTargets.days(notice.targetWorkingDays()));
    params.put("due", DUE.format(notice.dueAt().atZone(zone)));
    gateway.deliver(notice.idempotencyKey(), new SmsMessage(notice.supervisor().phone(), NoticeType.SUPERVISOR_OVERDUE,
        params, notice.text(zone)));
  }

  @Override
  public void notify(CalendarNotice notice) {
    gateway.deliver(notice.idempotencyKey(), new SmsMessage(notice.supervisor().phone(), NoticeType.SUPERVISOR_CALENDAR,
        Map.of("year", String.valueOf(notice.missingYear()), "until", notice.officialUntil().toString()), notice.text()));
  }

  @Override
  public void notify(ComplaintNotice notice) {
    gateway.deliver(notice.idempotencyKey(), new SmsMessage(notice.supervisor().phone(), NoticeType.SUPERVISOR_COMPLAINT,
        Map.of("number", notice.applicationNumber(), "rounds", String.valueOf(notice.rounds()),
            "score", String.valueOf(notice.lastScore())), notice.text()));
  }
}
