package org.obtainingwater.adapters;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.obtainingwater.cases.Stage;
import org.obtainingwater.notification.NoticeType;
import org.obtainingwater.process.OutsideSystemException;
import org.obtainingwater.sla.ComplaintNotice;
import org.obtainingwater.sla.OverdueNotice;
import org.obtainingwater.sla.Supervisor;
import org.obtainingwater.support.OutsideSystemStubs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

/** Supervisors told by SMS through the Aliyun adapter: the overdue template with its variables, keyed by the notice. */
class SmsSupervisorNotifierTests {

  @RegisterExtension
  static WireMockExtension aliyun = OutsideSystemStubs.stub();

  static final ZoneId CALENDAR = ZoneId.of("Asia/Shanghai");
  static final OverdueNotice OVERDUE = new OverdueNotice("GW-2026-000123", Stage.SURVEY, "现场查勘", 1,
      Instant.parse("2026-09-02T01:00:00Z"), new Supervisor("吴磊（服务督导）", "13900000008"), "overdue/task-42");

  AliyunSmsGateway gateway(boolean supervisorTemplates) {
    Map<NoticeType, String> templates = new EnumMap<>(NoticeType.class);
    for (NoticeType type : NoticeType.values()) {
      if (type.toCustomer() || supervisorTemplates) {
        templates.put(type, "SMS_" + (300000 + type.ordinal()));
      }
    }
    return new AliyunSmsGateway(new AliyunSmsGateway.Settings(aliyun.baseUrl(), "testId", "testSecret", "cn-hangzhou",
        "某某供水", templates, Duration.ofSeconds(2), Duration.ofSeconds(5)));
  }

  @Test
  void anOverdueNotice_isTheSupervisorTemplate_withTheWorkAndItsDueTime_keyedByTheNotice() throws Exception {
    aliyun.stubFor(post(urlEqualTo("/")).willReturn(OutsideSystemStubs.aliyunSent("700001^0")));

    new SmsSupervisorNotifier(gateway(true), CALENDAR).notify(OVERDUE);

    Map<String, String> form = AliyunSmsGatewayTests.form(
        aliyun.findAll(postRequestedFor(urlEqualTo("/"))).get(0).getBodyAsString());
    assertThat(form).containsEntry("PhoneNumbers", "13900000008").containsEntry("OutId", "overdue/task-42")
        .containsEntry("TemplateCode", "SMS_" + (300000 + NoticeType.SUPERVISOR_OVERDUE.ordinal()));
    var params = new ObjectMapper().readTree(form.get("TemplateParam"));
    assertThat(params.path("number").asText()).isEqualTo("GW-2026-000123");
    assertThat(params.path("work").asText()).isEqualTo("现场查勘");
    assertThat(params.path("due").asText()).isEqualTo("2026-09-02 09:00");
  }

  @Test
  void aComplaint_isTheComplaintTemplate_withTheRoundsAndTheLastScore_keyedByCaseAndRounds() throws Exception {
    aliyun.stubFor(post(urlEqualTo("/")).willReturn(OutsideSystemStubs.aliyunSent("700002^0")));

    new SmsSupervisorNotifier(gateway(true), CALENDAR).notify(new ComplaintNotice("GW-2026-000123", 2, 2,
        new Supervisor("周芳（服务督导）", "13900000009")));

    Map<String, String> form = AliyunSmsGatewayTests.form(
        aliyun.findAll(postRequestedFor(urlEqualTo("/"))).get(0).getBodyAsString());
    assertThat(form).containsEntry("PhoneNumbers", "13900000009").containsEntry("OutId", "complaint/GW-2026-000123/2")
        .containsEntry("TemplateCode", "SMS_" + (300000 + NoticeType.SUPERVISOR_COMPLAINT.ordinal()));
    var params = new ObjectMapper().readTree(form.get("TemplateParam"));
    assertThat(params.path("number").asText()).isEqualTo("GW-2026-000123");
    assertThat(params.path("rounds").asText()).isEqualTo("2");
    assertThat(params.path("score").asText()).isEqualTo("2");
  }

  @Test
  void aThrottledNotice_isThrottledForTheEscalationsJob() {
    aliyun.stubFor(post(urlEqualTo("/")).willReturn(OutsideSystemStubs.aliyunNotSent("isv.BUSINESS_LIMIT_CONTROL",
        "触发小时级流控Permits:5")));

    assertThatThrownBy(() -> new SmsSupervisorNotifier(gateway(true), CALENDAR).notify(OVERDUE))
        .isInstanceOfSatisfying(OutsideSystemException.class,
            e -> assertThat(e.kind()).isEqualTo(OutsideSystemException.Kind.THROTTLED));
  }

  @Test
  void withoutTheSupervisorTemplates_theStartIsRefused() {
    assertThatThrownBy(() -> new SmsSupervisorNotifier(gateway(false), CALENDAR))
        .hasMessageContaining("obtaining-water.adapters.aliyun-sms.templates.SUPERVISOR_OVERDUE");
  }
}
