package org.obtainingwater.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.obtainingwater.process.RecordedTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The {@link CustomerNotifier} of the process: a notice is written to the {@code notification_outbox}
 * table in the transaction of the send task that composed it, and {@link OutboxDispatcher} delivers it
 * afterwards. So a notice exists exactly when its step completed: a send task that fails and is
 * retried leaves no half-sent trace, and a crash after commit loses nothing (docs/adr/0007).
 */
@Component
public class NotificationOutbox implements CustomerNotifier {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String COLUMNS = "id, application_number, notice_type, phone, message_text, template_params, status, attempts, "
      + "last_error, gateway_reference, created_at, sent_at";

  private final JdbcTemplate jdbc;

  NotificationOutbox(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }


  /**
   * The SMS gateway's client message id of an outbox entry, its idempotency key: the same for every
   * attempt to deliver it, so the gateway sends it once (docs/adr/0021).
   */
  public static String messageId(long outboxId) {
    return "ow-notice-" + outboxId;
  }

  @Override
  public void send(Notice notice) {
    OffsetDateTime now = RecordedTime.now();
    jdbc.update("INSERT INTO notification_outbox (application_number, notice_type, phone, message_text, template_params, "
        + "status, attempts, created_at, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)",
        notice.applicationNumber(), notice.type().name(), notice.phone(), notice.text(), json(notice.params()),
        OutboxStatus.PENDING.name(), now, now);
  }

  /** Template variables as stored in {@code template_params}: a JSON object of strings. */
  static String json(Map<String, String> params) {
    try {
      return JSON.writeValueAsString(params);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** The template variables stored with an entry; none for an entry written before they were kept. */
  static Map<String, String> params(String json) {
    if (json == null || json.isBlank()) {
      return Map.of();
    }
    try {
      return JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() {
      });
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable template_params: " + json, e);
    }
  }

  /**
   * A verification code's message (docs/adr/0025): through the outbox like every notice, so it leaves
   * only when the transaction that issued the code commits, and the gateway's retries apply.
   */
  public void sendVerificationCode(String phone, String code, String text) {
    OffsetDateTime now = RecordedTime.now();
    jdbc.update("INSERT INTO notification_outbox (application_number, notice_type, phone, message_text, template_params, "
        + "status, attempts, created_at, next_attempt_at) VALUES (NULL, ?, ?, ?, ?, ?, 0, ?, ?)",
        NoticeType.VERIFICATION_CODE.name(), phone, text, json(Map.of("code", code)), OutboxStatus.PENDING.name(), now,
        now);
  }

  /**
   * Queues a code that signs one supply contract (docs/adr/0040); a template gateway fills its own template for it
   * with the code and the contract number.
   */
  public void sendContractSigningCode(String phone, String code, String contractNumber, String text) {
    OffsetDateTime now = RecordedTime.now();
    jdbc.update("INSERT INTO notification_outbox (application_number, notice_type, phone, message_text, template_params, "
        + "status, attempts, created_at, next_attempt_at) VALUES (NULL, ?, ?, ?, ?, ?, 0, ?, ?)",
        NoticeType.CONTRACT_SIGNING_CODE.name(), phone, text, json(Map.of("code", code, "contractNumber", contractNumber)),
        OutboxStatus.PENDING.name(), now, now);
  }

  /**
   * Tells the customer that staff booked or moved a visit (docs/adr/0044), in the transaction that moved it: the
   * message leaves only if the change commits. Staff's reason is free text and stays out of it (as for withdrawals).
   */
  public void sendVisitRescheduled(String applicationNumber, String phone, String visit, String slot, boolean moved) {
    String text = Notices.SIGNATURE + "您的用水报装 " + applicationNumber + " 的" + visit + "时间" + (moved ? "已改为 " : "已约定为 ")
        + slot + "（工作人员与您商定）。如需改期，请在客户页面改约或致电服务热线。";
    Map<String, String> params = new LinkedHashMap<>();
    params.put("number", applicationNumber);
    params.put("visit", visit);
    params.put("slot", slot);
    send(new Notice(applicationNumber, phone, NoticeType.VISIT_RESCHEDULED, text, params));
  }

  /**
   * Tells the customer that the case waits for them (等待客户条件具备, docs/adr/0045): the stage, the reason from the
   * list (never staff's free-text remark) and how to resume, in the transaction that paused it.
   */
  public void sendCasePaused(String applicationNumber, String phone, String stage, String reason) {
    String text = Notices.SIGNATURE + "您的用水报装 " + applicationNumber + " 的" + stage + "因“" + reason
        + "”暂停办理，暂停期间不计入办理时限。条件具备后，请在客户页面点“条件已具备，请继续办理”，或致电服务热线。";
    Map<String, String> params = new LinkedHashMap<>();
    params.put("number", applicationNumber);
    params.put("stage", stage);
    params.put("reason", reason);
    send(new Notice(applicationNumber, phone, NoticeType.CASE_PAUSED, text, params));
  }

  /** Every message text in the outbox mentioning the given text, whatever its case (for checks that free text never leaves). */
  public int messagesContaining(String text) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM notification_outbox WHERE message_text LIKE ?", Integer.class,
        "%" + text + "%");
  }

  /** The notices composed for one case, oldest first, whatever their delivery state. */
  public List<Notice> noticesFor(String applicationNumber) {
    return entriesFor(applicationNumber).stream().map(OutboxEntry::notice).toList();
  }

  /** The outbox entries of one case, oldest first. */
  public List<OutboxEntry> entriesFor(String applicationNumber) {
    return jdbc.query("SELECT " + COLUMNS + " FROM notification_outbox WHERE application_number = ? ORDER BY id",
        NotificationOutbox::toEntry, applicationNumber);
  }

  private static OutboxEntry toEntry(ResultSet rs, int row) throws SQLException {
    Notice notice = new Notice(rs.getString("application_number"), rs.getString("phone"),
        NoticeType.valueOf(rs.getString("notice_type")), rs.getString("message_text"), params(rs.getString("template_params")));
    OffsetDateTime sentAt = rs.getObject("sent_at", OffsetDateTime.class);
    return new OutboxEntry(rs.getLong("id"), notice, OutboxStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
        rs.getString("last_error"), rs.getString("gateway_reference"),
        rs.getObject("created_at", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC),
        sentAt == null ? null : sentAt.withOffsetSameInstant(ZoneOffset.UTC));
  }
}
