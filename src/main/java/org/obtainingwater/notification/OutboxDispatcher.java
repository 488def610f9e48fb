package org.obtainingwater.notification;

import static org.obtainingwater.process.ObtainingWaterProcess.PROCESS_KEY;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.obtainingwater.process.OutsideSystemException;
import org.obtainingwater.process.RecordedTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Delivers what the outbox holds through the {@link SmsGateway}: due entries are claimed one by one
 * with a conditional update, so two application nodes never deliver the same entry at the same time;
 * a claim that is not finished within {@code claimTimeout} (the node died mid-delivery) expires and the
 * entry is handed to the gateway again, with the same message id ({@link NotificationOutbox#messageId(long)}),
 * which the gateway dedupes: handed over at least once, sent once (docs/adr/0021). Failed attempts are retried with a
 * growing pause; a throttled attempt waits for the provider's pause without counting, a refused one
 * is FAILED at once (docs/adr/0034); after {@code maxAttempts} the entry is FAILED, logged, and shown in Cockpit as an
 * incident on its case ({@link FailedNoticeIncidents}).
 */
@Component
public class OutboxDispatcher {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);
  private static final int BATCH = 50;

  /** {@code ow_outbox_failed_total} on the operations dashboard (docs/operations.md). */
  public static final String FAILED_METER = "ow.outbox.failed";

  private final JdbcTemplate jdbc;
  private final SmsGateway gateway;
  private final int maxAttempts;
  private final Duration retryPause;
  private final Duration claimTimeout;
  private final boolean enabled;
  private final RuntimeService runtime;
  private final Counter failed;

  OutboxDispatcher(JdbcTemplate jdbc, SmsGateway gateway, RuntimeService runtime, MeterRegistry meters,
      @Value("${obtaining-water.outbox.dispatcher-enabled:true}") boolean enabled,
      @Value("${obtaining-water.outbox.max-attempts:5}") int maxAttempts,
      @Value("${obtaining-water.outbox.retry-pause:PT1M}") Duration retryPause,
      @Value("${obtaining-water.outbox.claim-timeout:PT5M}") Duration claimTimeout) {
    this.jdbc = jdbc;
    this.gateway = gateway;
    this.maxAttempts = maxAttempts;
    this.retryPause = retryPause;
    this.claimTimeout = claimTimeout;
    this.enabled = enabled;
    this.runtime = runtime;
    this.failed = Counter.builder(FAILED_METER).description("Notices given up after the last attempt (status FAILED)")
        .register(meters);
  }

  /** Every few seconds, on nodes where {@code obtaining-water.outbox.dispatcher-enabled} (tests dispatch by hand). */
  @Scheduled(fixedDelayString = "${obtaining-water.outbox.dispatch-interval:PT5S}")
  void dispatchOnSchedule() {
    if (enabled) {
      dispatchDue();
    }
  }

  /** Delivers every entry that is due now; returns how many the gateway accepted. */
  public int dispatchDue() {
    int sent = 0;
    List<Long> due;
    do {
      OffsetDateTime now = RecordedTime.now();
      due = jdbc.queryForList("SELECT id FROM notification_outbox WHERE status IN (?, ?) AND next_attempt_at <= ? "
          + "ORDER BY next_attempt_at, id FETCH FIRST " + BATCH + " ROWS ONLY", Long.class,
          OutboxStatus.PENDING.name(), OutboxStatus.SENDING.name(), now);
      for (long id : due) {
        if (claim(id, now) && deliver(id)) {
          sent++;
        }
      }
    } while (due.size() == BATCH);
    return sent;
  }

  private boolean claim(long id, OffsetDateTime now) {
    return jdbc.update("UPDATE notification_outbox SET status = ?, attempts = attempts + 1, next_attempt_at = ? "
        + "WHERE id = ? AND status IN (?, ?) AND next_attempt_at <= ?",
        OutboxStatus.SENDING.name(), now.plus(claimTimeout), id, OutboxStatus.PENDING.name(),
        OutboxStatus.SENDING.name(), now) == 1;
  }

  private boolean deliver(long id) {
    var entry = jdbc.queryForMap("SELECT application_number, notice_type, phone, message_text, template_params, attempts "
        + "FROM notification_outbox WHERE id = ?", id);
    String phone = (String) entry.get("phone");
    int attempts = ((Number) entry.get("attempts")).intValue();
    SmsMessage message = new SmsMessage(phone, NoticeType.valueOf((String) entry.get("notice_type")),
        NotificationOutbox.params((String) entry.get("template_params")), (String) entry.get("message_text"));
    try {
      String reference = gateway.deliver(NotificationOutbox.messageId(id), message);
      jdbc.update("UPDATE notification_outbox SET status = ?, gateway_reference = ?, sent_at = ?, last_error = NULL "
          + "WHERE id = ?", OutboxStatus.SENT.name(), reference, RecordedTime.now(), id);
      return true;
    } catch (RuntimeException e) {
      String error = String.valueOf(e.getMessage());
      error = error.length() > 500 ? error.substring(0, 500) : error;
      OutsideSystemException outside = OutsideSystemException.in(e);
      if (outside != null && outside.kind() == OutsideSystemException.Kind.THROTTLED) {
        // The provider is healthy and asks for a pause (per phone or per account): the attempt is not spent.
        Duration pause = outside.retryAfter() == null ? retryPause : outside.retryAfter();
        jdbc.update("UPDATE notification_outbox SET status = ?, attempts = attempts - 1, last_error = ?, "
            + "next_attempt_at = ? WHERE id = ?", OutboxStatus.PENDING.name(), error, RecordedTime.now().plus(pause),
            id);
        LOG.warn("Notice {} for {} throttled by the SMS provider, sent again in {}: {}", id,
            entry.get("application_number"), pause, error);
        return false;
      }
      // A refusal (unknown template, invalid number, no credit) gets the same answer every time: given up at once.
      boolean giveUp = attempts >= maxAttempts || (outside != null && outside.kind() == OutsideSystemException.Kind.REFUSED);
      jdbc.update("UPDATE notification_outbox SET status = ?, last_error = ?, next_attempt_at = ? WHERE id = ?",
          (giveUp ? OutboxStatus.FAILED : OutboxStatus.PENDING).name(), error,
          RecordedTime.now().plus(retryPause.multipliedBy(attempts)), id);
      if (giveUp) {
        failed.increment();
        LOG.error("Notice {} ({}) for {} to {} failed {} times and is given up: {}", id, entry.get("notice_type"),
            entry.get("application_number"), Masking.phone(phone), attempts, error);
        raiseIncident(id, (String) entry.get("application_number"), (String) entry.get("notice_type"),
            attempts >= maxAttempts ? "发送 " + attempts + " 次均失败" : "被短信平台拒绝", error);
      } else {
        LOG.warn("Notice {} for {} not delivered (attempt {} of {}), retrying later: {}", id,
            entry.get("application_number"), attempts, maxAttempts, error);
      }
      return false;
    }
  }

  /**
   * Shows the given-up notice in Cockpit as an incident on its case, while the case runs; resolving
   * the incident sends it again ({@link FailedNoticeIncidents}). A notice of a case that has ended
   * stays FAILED in the outbox and in the log.
   */
  private void raiseIncident(long id, String applicationNumber, String noticeType, String what, String error) {
    if (applicationNumber == null) {
      return; // a verification code: no case to show it on, and the customer simply asks for a new one
    }
    ProcessInstance running = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
        .processInstanceBusinessKey(applicationNumber).singleResult();
    if (running != null) {
      runtime.createIncident(FailedNoticeIncidents.TYPE, executionAtWork(running.getId()), String.valueOf(id),
          "短信通知（" + noticeType + "）" + what + "，已停止重试：" + error
              + "。处理：确认短信网关恢复（或短信模板、号码已更正）后，在此解决该事件，系统将重新发送。");
    }
  }

  /**
   * An execution of the case that stands at an activity, where the engine attaches an incident. The
   * process instance's own execution does not when the case waits in a scope (a task with an
   * escalation timer, a permit sub-process): then it is the execution of the first waiting activity.
   */
  private String executionAtWork(String processInstanceId) {
    ActivityInstance tree = runtime.getActivityInstance(processInstanceId);
    for (ActivityInstance instance = tree; instance != null; ) {
      if (instance.getChildTransitionInstances().length > 0) {
        return instance.getChildTransitionInstances()[0].getExecutionId();
      }
      if (instance.getChildActivityInstances().length == 0) {
        return instance == tree ? processInstanceId : instance.getExecutionIds()[0];
      }
      instance = instance.getChildActivityInstances()[0];
    }
    return processInstanceId;
  }
}
