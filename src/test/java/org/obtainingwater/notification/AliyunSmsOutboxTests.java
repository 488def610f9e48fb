package org.obtainingwater.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Date;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.obtainingwater.adapters.AliyunSmsGateway;
import org.obtainingwater.adapters.RecordingSmsGateway;
import org.obtainingwater.support.AppOnH2;
import org.obtainingwater.support.CaseDriver;
import org.obtainingwater.support.OutsideSystemStubs;
import org.obtainingwater.support.TestCases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The notification outbox delivering through the Aliyun SMS adapter to a stub that answers as Aliyun does: a
 * system error then success sends once, flow control waits without spending an attempt, a refusal is FAILED at once
 * with an incident on the case, a timeout is retried after the outbox's pause (docs/adr/0034).
 */
@AppOnH2
class AliyunSmsOutboxTests {

  @RegisterExtension
  static WireMockExtension aliyun = OutsideSystemStubs.stub();

  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  NotificationOutbox outbox;
  @Autowired
  ProcessEngine engine;
  @Autowired
  RecordingSmsGateway recording;

  /** The outbox entries of this test go to Aliyun; others in the shared context's table as the context would send them. */
  final Set<String> ours = ConcurrentHashMap.newKeySet();

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  OutboxDispatcher dispatcher(Duration readTimeout) {
    Map<NoticeType, String> templates = new EnumMap<>(NoticeType.class);
    for (NoticeType type : NoticeType.values()) {
      templates.put(type, "SMS_" + (200000 + type.ordinal()));
    }
    AliyunSmsGateway gateway = new AliyunSmsGateway(new AliyunSmsGateway.Settings(aliyun.baseUrl(), "testId",
        "testSecret", "cn-hangzhou", "某某供水", templates, Duration.ofSeconds(2), readTimeout));
    SmsGateway routed = (messageId, message) -> ours.contains(messageId) ? gateway.deliver(messageId, message)
        : recording.deliver(messageId, message);
    return new OutboxDispatcher(jdbc, routed, engine.getRuntimeService(), new SimpleMeterRegistry(), false, 5,
        Duration.ofMinutes(1), Duration.ofMinutes(5));
  }

  OutboxEntry ours(String number) {
    outbox.send(new Notice(number, "13700000001", NoticeType.APPLICATION_RECEIVED, "【供水服务】申请编号 " + number));
    OutboxEntry entry = outbox.entriesFor(number).get(0);
    ours.add(NotificationOutbox.messageId(entry.id()));
    return entry;
  }

  void later(Duration by) {
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + by.toMillis()));
  }

  @Test
  void aSystemError_thenSuccess_sendsTheMessageOnce_withTheSameOutId() {
    OutboxEntry entry = ours("GW-2026-910001");
    aliyun.stubFor(post(urlEqualTo("/")).inScenario("error").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(OutsideSystemStubs.aliyunError(500, "isp.SYSTEM_ERROR", "System error.")).willSetStateTo("up"));
    aliyun.stubFor(post(urlEqualTo("/")).inScenario("error").whenScenarioStateIs("up")
        .willReturn(OutsideSystemStubs.aliyunSent("800001^0")).willSetStateTo("sent"));
    OutboxDispatcher dispatcher = dispatcher(Duration.ofSeconds(5));

    dispatcher.dispatchDue();
    OutboxEntry waiting = outbox.entriesFor("GW-2026-910001").get(0);
    assertThat(waiting.status()).isEqualTo(OutboxStatus.PENDING);
    assertThat(waiting.lastError()).contains("isp.SYSTEM_ERROR");
    later(Duration.ofMinutes(1).plusSeconds(1));
    dispatcher.dispatchDue();

    OutboxEntry sent = outbox.entriesFor("GW-2026-910001").get(0);
    assertThat(sent.status()).isEqualTo(OutboxStatus.SENT);
    assertThat(sent.gatewayReference()).isEqualTo("800001^0");
    aliyun.verify(2, postRequestedFor(urlEqualTo("/")).withRequestBody(
        containing("OutId=" + NotificationOutbox.messageId(entry.id()))));
    assertThat(aliyun.getAllScenarios().getScenarios()).singleElement().extracting(s -> s.getState()).isEqualTo("sent");
  }

  @Test
  void flowControl_waitsItsWindow_withoutSpendingAnAttempt() {
    ours("GW-2026-910002");
    aliyun.stubFor(post(urlEqualTo("/")).inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(OutsideSystemStubs.aliyunNotSent("isv.BUSINESS_LIMIT_CONTROL", "触发分钟级流控Permits:1"))
        .willSetStateTo("free"));
    aliyun.stubFor(post(urlEqualTo("/")).inScenario("limit").whenScenarioStateIs("free")
        .willReturn(OutsideSystemStubs.aliyunSent("800002^0")));
    OutboxDispatcher dispatcher = dispatcher(Duration.ofSeconds(5));

    dispatcher.dispatchDue();

    OutboxEntry waiting = outbox.entriesFor("GW-2026-910002").get(0);
    assertThat(waiting.status()).isEqualTo(OutboxStatus.PENDING);
    assertThat(waiting.attempts()).as("throttling spends no attempt").isZero();
    assertThat(waiting.lastError()).contains("流控");
    later(Duration.ofSeconds(30));
    dispatcher.dispatchDue();
    assertThat(outbox.entriesFor("GW-2026-910002").get(0).status()).as("not before the window passed")
        .isEqualTo(OutboxStatus.PENDING);
    later(Duration.ofSeconds(31));
    dispatcher.dispatchDue();
    assertThat(outbox.entriesFor("GW-2026-910002").get(0).status()).isEqualTo(OutboxStatus.SENT);
  }

  @Test
  void aTimeout_isRetriedAfterTheOutboxsPause() {
    ours("GW-2026-910003");
    aliyun.stubFor(post(urlEqualTo("/")).willReturn(OutsideSystemStubs.aliyunSent("800003^0").withFixedDelay(1500)));
    OutboxDispatcher dispatcher = dispatcher(Duration.ofMillis(300));

    dispatcher.dispatchDue();

    OutboxEntry waiting = outbox.entriesFor("GW-2026-910003").get(0);
    assertThat(waiting.status()).isEqualTo(OutboxStatus.PENDING);
    assertThat(waiting.attempts()).isEqualTo(1);
    assertThat(waiting.lastError()).contains("没有应答");
  }

  @Test
  void aRefusal_isFailedAtOnce_andAnIncidentOnItsCase_withWhatToDo() {
    ProcessInstance instance = new CaseDriver(engine).apply(TestCases.application());
    String number = instance.getBusinessKey();
    for (OutboxEntry entry : outbox.entriesFor(number)) {
      ours.add(NotificationOutbox.messageId(entry.id()));
    }
    aliyun.stubFor(post(urlEqualTo("/")).willReturn(OutsideSystemStubs.aliyunNotSent("isv.MOBILE_NUMBER_ILLEGAL",
        "非法手机号")));

    dispatcher(Duration.ofSeconds(5)).dispatchDue();

    OutboxEntry failed = outbox.entriesFor(number).get(0);
    assertThat(failed.status()).isEqualTo(OutboxStatus.FAILED);
    assertThat(failed.attempts()).as("no second attempt at a refusal").isEqualTo(1);
    Incident incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(incident.getIncidentType()).isEqualTo(FailedNoticeIncidents.TYPE);
    assertThat(incident.getIncidentMessage()).contains("被短信平台拒绝", "isv.MOBILE_NUMBER_ILLEGAL", "手机号码不正确");
    // The shared context's other tests count open incidents of their own cases: this case goes.
    engine.getRuntimeService().deleteProcessInstance(instance.getId(), "test finished");
  }
}
