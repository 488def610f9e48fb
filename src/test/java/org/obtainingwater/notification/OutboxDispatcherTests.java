package org.obtainingwater.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.obtainingwater.adapters.AdapterJournal;
import org.obtainingwater.adapters.RecordingSmsGateway;
import org.obtainingwater.process.RecordedTime;
import org.obtainingwater.support.AppOnH2;
import org.obtainingwater.support.CaseDriver;
import org.obtainingwater.support.TestCases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The outbox dispatcher against the real table: retries with a pause, gives up, and takes over dead claims. */
@AppOnH2
class OutboxDispatcherTests {

  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  NotificationOutbox outbox;
  @Autowired
  ProcessEngine engine;

  final List<String> delivered = new ArrayList<>();
  boolean gatewayDown = true;

  final SmsGateway gateway = (messageId, message) -> {
    if (gatewayDown) {
      throw new IllegalStateException("SMS gateway timed out");
    }
    delivered.add(message.text());
    return "REF-" + delivered.size();
  };

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  OutboxDispatcher dispatcher(int maxAttempts) {
    return new OutboxDispatcher(jdbc, gateway, engine.getRuntimeService(), new SimpleMeterRegistry(), false, maxAttempts, Duration.ofMinutes(1), Duration.ofMinutes(5));
  }

  Notice notice(String number) {
    return new Notice(number, "13812345678", NoticeType.APPLICATION_RECEIVED, "【供水服务】" + number);
  }

  @Test
  void aFailedDelivery_isRetriedAfterAPause_thenSentOnce() {
    outbox.send(notice("GW-2026-900001"));
    OutboxDispatcher dispatcher = dispatcher(5);

    assertThat(dispatcher.dispatchDue()).isZero();
    OutboxEntry failed = outbox.entriesFor("GW-2026-900001").get(0);
    assertThat(failed.status()).isEqualTo(OutboxStatus.PENDING);
    assertThat(failed.attempts()).isEqualTo(1);
    assertThat(failed.lastError()).contains("timed out");

    gatewayDown = false;
    assertThat(dispatcher.dispatchDue()).as("not due again before the pause").isZero();
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + Duration.ofMinutes(2).toMillis()));
    assertThat(dispatcher.dispatchDue()).isEqualTo(1);
    assertThat(dispatcher.dispatchDue()).isZero();

    OutboxEntry sent = outbox.entriesFor("GW-2026-900001").get(0);
    assertThat(sent.status()).isEqualTo(OutboxStatus.SENT);
    assertThat(sent.attempts()).isEqualTo(2);
    assertThat(sent.lastError()).isNull();
    assertThat(delivered).containsExactly("【供水服务】GW-2026-900001");
  }

  @Test
  void afterTheLastAttempt_theEntryIsFailed_andNotTriedAgain() {
    outbox.send(notice("GW-2026-900002"));
    OutboxDispatcher dispatcher = dispatcher(2);

    dispatcher.dispatchDue();
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + Duration.ofMinutes(2).toMillis()));
    dispatcher.dispatchDue();
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + Duration.ofHours(1).toMillis()));
    gatewayDown = false;
    dispatcher.dispatchDue();

    OutboxEntry entry = outbox.entriesFor("GW-2026-900002").get(0);
    assertThat(entry.status()).isEqualTo(OutboxStatus.FAILED);
    assertThat(entry.attempts()).isEqualTo(2);
    assertThat(delivered).isEmpty();
  }

  @Test
  void aClaimLeftByADeadNode_expires_andTheNoticeIsDelivered() {
    outbox.send(notice("GW-2026-900003"));
    // A node claimed it and died before delivering.
    jdbc.update("UPDATE notification_outbox SET status = 'SENDING', attempts = 1, next_attempt_at = ? "
        + "WHERE application_number = ?", RecordedTime.now().plusMinutes(5), "GW-2026-900003");
    gatewayDown = false;
    OutboxDispatcher dispatcher = dispatcher(5);

    assertThat(dispatcher.dispatchDue()).as("the claim is still fresh").isZero();
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + Duration.ofMinutes(6).toMillis()));
    assertThat(dispatcher.dispatchDue()).isEqualTo(1);
    assertThat(outbox.entriesFor("GW-2026-900003").get(0).status()).isEqualTo(OutboxStatus.SENT);
  }

  @Test
  void aNoticeHandedOverAgainAfterADeadNode_carriesTheSameMessageId_andTheGatewaySendsItOnce() {
    outbox.send(notice("GW-2026-900004"));
    long id = outbox.entriesFor("GW-2026-900004").get(0).id();
    List<String> messageIds = new ArrayList<>();
    RecordingSmsGateway recording = new RecordingSmsGateway(new AdapterJournal("", Duration.ZERO));
    SmsGateway watched = (messageId, message) -> {
      messageIds.add(messageId);
      return recording.deliver(messageId, message);
    };
    OutboxDispatcher dispatcher = new OutboxDispatcher(jdbc, watched, engine.getRuntimeService(), new SimpleMeterRegistry(), false, 5,
        Duration.ofMinutes(1), Duration.ofMinutes(5));
    assertThat(dispatcher.dispatchDue()).isEqualTo(1);
    String reference = outbox.entriesFor("GW-2026-900004").get(0).gatewayReference();
    // The node died after the gateway accepted and before it recorded SENT: its claim is all that is left.
    jdbc.update("UPDATE notification_outbox SET status = 'SENDING', gateway_reference = NULL, sent_at = NULL, "
        + "next_attempt_at = ? WHERE id = ?", RecordedTime.now().plusMinutes(5), id);

    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + Duration.ofMinutes(6).toMillis()));
    assertThat(dispatcher.dispatchDue()).isEqualTo(1);

    assertThat(messageIds).containsExactly(NotificationOutbox.messageId(id), NotificationOutbox.messageId(id));
    assertThat(recording.deliveredTo("13812345678")).as("sent once").singleElement()
        .extracting(RecordingSmsGateway.Delivery::reference).isEqualTo(reference);
    assertThat(outbox.entriesFor("GW-2026-900004").get(0).gatewayReference()).isEqualTo(reference);
  }

  @Test
  void aNoticeGivenUp_isAnIncidentOnItsCaseInCockpit_andResolvingItSendsTheNoticeOnce() {
    ProcessInstance instance = new CaseDriver(engine).apply(TestCases.application());
    String number = instance.getBusinessKey();
    OutboxDispatcher dispatcher = dispatcher(2);

    dispatcher.dispatchDue();
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + Duration.ofMinutes(2).toMillis()));
    dispatcher.dispatchDue();

    OutboxEntry failed = outbox.entriesFor(number).get(0);
    assertThat(failed.status()).isEqualTo(OutboxStatus.FAILED);
    Incident incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(incident.getIncidentType()).isEqualTo(FailedNoticeIncidents.TYPE);
    assertThat(incident.getConfiguration()).isEqualTo(String.valueOf(failed.id()));
    assertThat(incident.getIncidentMessage()).contains("发送 2 次均失败", "SMS gateway timed out");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).count())
        .as("the case is not held up by its notice").isEqualTo(1);

    gatewayDown = false;
    engine.getRuntimeService().resolveIncident(incident.getId());
    assertThat(outbox.entriesFor(number).get(0).status()).isEqualTo(OutboxStatus.PENDING);
    assertThat(dispatcher.dispatchDue()).isEqualTo(1);
    assertThat(dispatcher.dispatchDue()).isZero();

    assertThat(outbox.entriesFor(number).get(0).status()).isEqualTo(OutboxStatus.SENT);
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
    assertThat(delivered).hasSize(1).allMatch(text -> text.contains(number));
  }
}
