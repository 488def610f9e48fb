package org.obtainingwater.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.obtainingwater.adapters.RecordingSmsGateway;
import org.obtainingwater.cases.CaseRecords;
import org.obtainingwater.notification.NoticeType;
import org.obtainingwater.notification.NotificationOutbox;
import org.obtainingwater.notification.OutboxDispatcher;
import org.obtainingwater.support.Answer;
import org.obtainingwater.support.ApiClient;
import org.obtainingwater.support.SmsCodes;
import org.obtainingwater.support.CaseDriver;
import org.obtainingwater.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The customer's verified phone, sessions, trusted channels and abuse limits (issue 14, docs/adr/0025,
 * docs/adr/0026), over HTTP against the running application, on the database of the subclass. Each test
 * uses phones and client addresses of its own, so the limits of one never touch another.
 */
abstract class CustomerIdentityContract {

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  CaseRecords records;
  @Autowired
  NotificationOutbox outbox;
  @Autowired
  OutboxDispatcher dispatcher;
  @Autowired
  RecordingSmsGateway sms;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  CustomerIdentityHousekeeping housekeeping;

  ApiClient channel;
  ApiClient anonymous;

  @BeforeEach
  void connect() {
    channel = new ApiClient(port);
    anonymous = channel.anonymous().from(address());
  }

  /**
   * Hands the codes this test sent to the gateway, as the running dispatcher would, while the clock still
   * stands where the test left it: the outbox is shared with the other classes of the context, and a
   * pending row written at a moved clock would surface in their dispatcher runs.
   */
  @AfterEach
  void deliverWhatWasSent_thenRealTime() {
    try {
      dispatcher.dispatchDue();
    } finally {
      ClockUtil.reset();
    }
  }

  // --- A verified phone --------------------------------------------------------------------------

  @Test
  void aCodeRequest_answers202_theCodeGoesOutThroughTheOutbox_andOnlyItsHashIsStored() {
    String phone = phone();
    Answer asked = anonymous.requestCode(phone);
    assertThat(asked.status()).as(asked.body()).isEqualTo(202);

    String code = codeSentTo(phone);
    assertThat(jdbc.queryForList("SELECT code_hash FROM verification_code WHERE phone = ?", String.class, phone))
        .singleElement().satisfies(hash -> assertThat(hash).hasSize(64).doesNotContain(code));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification_outbox WHERE phone = ? AND notice_type = ?",
        Integer.class, phone, NoticeType.VERIFICATION_CODE.name())).isEqualTo(1);
  }

  @Test
  void theCode_opensA201Session_withAStrictHttpOnlyCookie_andABearerToken_thatFilesListsFollowsAndWithdraws() {
    String phone = phone();
    Answer session = session(phone);
    assertThat(session.status()).as(session.body()).isEqualTo(201);
    assertThat(session.header("Set-Cookie")).contains("OW_SESSION=" + session.json().get("token").asText())
        .contains("HttpOnly").contains("SameSite=Strict").doesNotContain("Secure").contains("Max-Age=1800");
    assertThat(session.json().get("phone").asText()).isEqualTo(phone);

    ApiClient customer = channel.withSession(session.json().get("token").asText()).from(address());
    Answer filed = customer.apply(ApiClient.application("contactPhone", "\"" + phone + "\""), null);
    assertThat(filed.status()).as(filed.body()).isEqualTo(201);
    String number = filed.json().get("applicationNumber").asText();

    Answer mine = customer.mine();
    assertThat(mine.status()).isEqualTo(200);
    assertThat(mine.json()).singleElement().satisfies(item -> {
      assertThat(item.get("applicationNumber").asText()).isEqualTo(number);
      assertThat(item.get("siteAddress").asText()).isEqualTo("芦淞区建设南路 88 号");
      assertThat(item.get("stage").asText()).isEqualTo("RECEIVED");
      assertThat(item.get("receivedAt").isNull()).isFalse();
      assertThat(item.get("nextStep").asText()).isNotBlank();
    });
    assertThat(customer.status(number, phone).status()).isEqualTo(200);
    Answer withdrawn = customer.withdraw(number, phone, "项目延期");
    assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
    assertThat(withdrawn.json().get("stage").asText()).isEqualTo("WITHDRAWAL");
  }

  @Test
  void theCookieAlone_opensTheCustomersCases_asThePageUsesIt() {
    String phone = phone();
    String token = session(phone).json().get("token").asText();
    Answer mine = anonymous.send("GET", "/api/v1/applications", null, "Cookie", "OW_SESSION=" + token);
    assertThat(mine.status()).as(mine.body()).isEqualTo(200);
    assertThat(mine.json()).isEmpty();
  }

  @Test
  void aWrongCode_saysHowManyTriesAreLeft_andTheFifthKillsIt_evenForTheRightCode() {
    String phone = phone();
    anonymous.requestCode(phone);
    String code = codeSentTo(phone);
    String wrong = code.equals("000000") ? "111111" : "000000";
    for (int left = 4; left >= 0; left--) {
      Answer refused = anonymous.openSession(phone, wrong);
      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
      assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("code");
      assertThat(refused.json().get("detail").asText()).contains(left > 0 ? "还可以再试 " + left + " 次" : "已失效");
    }
    Answer dead = anonymous.openSession(phone, code);
    assertThat(dead.status()).isEqualTo(400);
    assertThat(dead.json().get("detail").asText()).contains("已失效").contains("重新获取验证码");
  }

  @Test
  void aCode_diesAfterFiveMinutes_andIsUsedOnlyOnce() {
    String phone = phone();
    anonymous.requestCode(phone);
    String code = codeSentTo(phone);
    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofMinutes(5).plusSeconds(1).toMillis()));
    Answer late = anonymous.openSession(phone, code);
    assertThat(late.status()).isEqualTo(400);
    assertThat(late.json().get("detail").asText()).contains("已失效");

    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofMinutes(2).toMillis()));
    anonymous.requestCode(phone);
    String fresh = codeSentTo(phone);
    assertThat(anonymous.openSession(phone, fresh).status()).isEqualTo(201);
    assertThat(anonymous.openSession(phone, fresh).status()).isEqualTo(400);
  }

  @Test
  void housekeeping_removesDeadCodesAfterTheirRetention_expiredSessions_andIdleBuckets_andAFreshCodeStillWorks() {
    String phone = phone();
    anonymous.requestCode(phone);
    String token = anonymous.openSession(phone, codeSentTo(phone)).json().get("token").asText();
    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofMinutes(1).plusSeconds(1).toMillis()));
    assertThat(anonymous.requestCode(phone).status()).isEqualTo(202);
    assertThat(rows("verification_code WHERE phone = ?", phone)).isEqualTo(2);
    assertThat(rows("customer_session WHERE phone = ?", phone)).isEqualTo(1);
    assertThat(rows("rate_limit_bucket WHERE bucket_key LIKE ?", "%:" + phone)).as("code, SMS and session buckets")
        .isEqualTo(3);

    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofDays(2).toMillis()));
    housekeeping.sweep();
    assertThat(rows("verification_code WHERE phone = ?", phone)).as("dead codes are kept 30 days").isEqualTo(2);
    assertThat(rows("customer_session WHERE phone = ?", phone)).as("the session expired after 30 minutes").isZero();
    assertThat(rows("rate_limit_bucket WHERE bucket_key LIKE ?", "%:" + phone))
        .as("untouched for longer than a day: full again").isZero();
    assertThat(anonymous.withSession(token).mine().status()).isEqualTo(401);

    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofDays(31).toMillis()));
    CustomerIdentityHousekeeping.Swept swept = housekeeping.sweep();
    assertThat(swept.codes()).isGreaterThanOrEqualTo(2);
    assertThat(rows("verification_code WHERE phone = ?", phone)).isZero();

    assertThat(anonymous.requestCode(phone).status()).isEqualTo(202);
    assertThat(anonymous.openSession(phone, codeSentTo(phone)).status()).as("a new bucket and code as on the first day")
        .isEqualTo(201);
  }

  private int rows(String tableAndCondition, Object... arguments) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM " + tableAndCondition, Integer.class, arguments);
  }

  // --- Who may reach a case ----------------------------------------------------------------------

  @Test
  void withoutSessionOrChannelCredential_filingStatusListingAndWithdrawalAre401_andNothingIsFiled() {
    String number = file(ApiClient.PHONE);
    int before = jdbc.queryForObject("SELECT COUNT(*) FROM application", Integer.class);
    ApiClient phoneOnly = anonymous;
    List<Answer> refused = List.of(
        phoneOnly.postJson("/api/v1/applications", ApiClient.application(), "X-Contact-Phone", ApiClient.PHONE),
        phoneOnly.send("GET", "/api/v1/applications/" + number, null, "X-Contact-Phone", ApiClient.PHONE),
        phoneOnly.send("GET", "/api/v1/applications", null, "X-Contact-Phone", ApiClient.PHONE),
        phoneOnly.postJson("/api/v1/applications/" + number + "/withdrawal",
            "{\"contactPhone\":\"" + ApiClient.PHONE + "\",\"reason\":\"别人撤的\"}"),
        channel.withSession("guessed-token").status(number, ApiClient.PHONE),
        phoneOnly.send("GET", "/api/v1/applications", null, "Cookie", "OW_SESSION=guessed"),
        phoneOnly.send("GET", "/api/v1/applications", null, "Authorization", "Basic Y2hlbmppZTpkZW1v"));
    for (Answer answer : refused) {
      assertThat(answer.status()).as(answer.body()).isEqualTo(401);
      assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
      assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer");
      assertThat(answer.json().get("detail").asText()).contains("验证码");
    }
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM application", Integer.class)).isEqualTo(before);
    assertThat(channel.status(number, ApiClient.PHONE).json().get("stage").asText()).isNotEqualTo("WITHDRAWAL");
  }

  @Test
  void anExpiredSession_is401() {
    String token = session(phone()).json().get("token").asText();
    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofMinutes(31).toMillis()));
    assertThat(channel.withSession(token).mine().status()).isEqualTo(401);
  }

  @Test
  void aSessionOfPhoneA_neverReachesPhoneBsCase_answeredAsAnUnknownOne() {
    String phoneA = phone();
    String phoneB = phone();
    String caseOfB = file(phoneB);
    ApiClient a = channel.withSession(session(phoneA).json().get("token").asText()).from(address());

    Answer status = a.status(caseOfB, phoneA);
    Answer unknown = a.status("GW-1999-999999", phoneA);
    assertThat(status.status()).isEqualTo(404);
    assertThat(status.json().get("title")).isEqualTo(unknown.json().get("title"));
    assertThat(status.body()).doesNotContain(phoneB, "株洲", "RECEIVED");
    assertThat(a.withdraw(caseOfB, phoneA, "不是我的").status()).isEqualTo(404);
    assertThat(a.mine().json()).isEmpty();
    Answer filedForB = a.apply(ApiClient.application("contactPhone", "\"" + phoneB + "\""), null);
    assertThat(filedForB.status()).isEqualTo(400);
    assertThat(filedForB.json().get("errors").get(0).get("field").asText()).isEqualTo("contactPhone");
    assertThat(channel.status(caseOfB, phoneB).json().get("stage").asText()).isEqualTo("RECEIVED");
  }

  @Test
  void aChannel_namesTheCustomersPhone_andReachesOnlyThatPhonesCases() {
    String phoneB = phone();
    String caseOfB = file(phoneB);
    assertThat(channel.status(caseOfB, phoneB).status()).isEqualTo(200);
    assertThat(channel.status(caseOfB, phone()).status()).isEqualTo(404);
    Answer list = channel.send("GET", "/api/v1/applications", null, "X-Contact-Phone", phoneB);
    assertThat(list.json()).extracting(item -> item.get("applicationNumber").asText()).containsExactly(caseOfB);
    Answer withoutPhone = channel.channelWithoutPhone().send("GET", "/api/v1/applications", null);
    assertThat(withoutPhone.status()).isEqualTo(400);
    assertThat(withoutPhone.json().get("errors").get(0).get("field").asText()).isEqualTo("X-Contact-Phone");
  }

  @Test
  void theWithdrawalReason_goesIntoNoOutboxRow() {
    String phone = phone();
    String number = file(phone);
    CaseDriver driver = new CaseDriver(engine);
    var instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult();
    driver.executeJobs(instance);
    String reason = "请点击 http://evil.example/" + System.nanoTime() + " 领取退款";
    assertThat(channel.withdraw(number, phone, reason).status()).isEqualTo(200);
    driver.executeJobs(instance);

    assertThat(outbox.noticesFor(number)).extracting(notice -> notice.type()).contains(NoticeType.APPLICATION_WITHDRAWN);
    assertThat(outbox.messagesContaining("evil.example")).isZero();
    assertThat(outbox.messagesContaining("领取退款")).isZero();
  }

  // --- Abuse limits --------------------------------------------------------------------------------

  @Test
  void asecondCodeWithinAMinute_is429WithRetryAfter_andAChineseProblem() {
    String phone = phone();
    assertThat(anonymous.requestCode(phone).status()).isEqualTo(202);
    Answer again = anonymous.requestCode(phone);
    assertLimited(again, 60);
    assertThat(again.json().get("detail").asText()).contains("获取验证码过于频繁");
    assertThat(sentTo(phone)).isEqualTo(1);
  }

  @Test
  void theDailySmsQuota_stopsCodesToOnePhone_whateverTheMinuteLimitAllows() {
    String phone = phone();
    long start = System.currentTimeMillis();
    for (int i = 0; i < 10; i++) {
      ClockUtil.setCurrentTime(new Date(start + Duration.ofMinutes(2L * i).toMillis()));
      assertThat(channel.anonymous().from(address()).requestCode(phone).status()).as("code %d", i + 1).isEqualTo(202);
    }
    ClockUtil.setCurrentTime(new Date(start + Duration.ofMinutes(25).toMillis()));
    Answer eleventh = channel.anonymous().from(address()).requestCode(phone);
    assertLimited(eleventh, 24 * 3600);
    assertThat(eleventh.json().get("detail").asText()).contains("今天收到的短信已达上限");
    assertThat(sentTo(phone)).isEqualTo(10);
  }

  @Test
  void codeRequestsFromOneAddress_are429AfterTheHourlyLimit() {
    ApiClient oneAddress = channel.anonymous().from(address());
    for (int i = 0; i < 30; i++) {
      assertThat(oneAddress.requestCode(phone()).status()).as("request %d", i + 1).isEqualTo(202);
    }
    assertLimited(oneAddress.requestCode(phone()), 3600);
  }

  @Test
  void sessionTriesPerPhone_are429AfterTheHourlyLimit() {
    String phone = phone();
    anonymous.requestCode(phone);
    for (int i = 0; i < 10; i++) {
      assertThat(channel.anonymous().from(address()).openSession(phone, "000001").status()).isIn(400);
    }
    assertLimited(channel.anonymous().from(address()).openSession(phone, "000001"), 3600);
  }

  @Test
  void filingsOfOneSessionPhone_are429AfterTheDailyLimit() {
    String phone = phone();
    ApiClient customer = channel.withSession(session(phone).json().get("token").asText()).from(address());
    for (int i = 0; i < 5; i++) {
      Answer filed = customer.apply(ApiClient.application("contactPhone", "\"" + phone + "\""), null);
      assertThat(filed.status()).as(filed.body()).isEqualTo(201);
    }
    Answer sixth = customer.apply(ApiClient.application("contactPhone", "\"" + phone + "\""), null);
    assertLimited(sixth, 24 * 3600);
    assertThat(sixth.json().get("detail").asText()).contains("今天提交的申请已达上限");
    assertThat(customer.mine().json()).hasSize(5);
  }

  @Test
  void statusReadsOfOneSessionPhone_are429AfterTheHourlyLimit() {
    String phone = phone();
    ApiClient customer = channel.withSession(session(phone).json().get("token").asText()).from(address());
    for (int i = 0; i < 120; i++) {
      assertThat(customer.mine().status()).as("read %d", i + 1).isEqualTo(200);
    }
    assertLimited(customer.mine(), 3600);
    assertLimited(customer.status("GW-1999-999999", phone), 3600);
  }

  // --- The demo inbox (demo profile; ProductionProfileTests shows it absent outside demo) -----------

  @Test
  void theDemoInbox_showsAdministratorsTheCode_andNobodyElse() {
    String phone = phone();
    anonymous.requestCode(phone);
    String code = codeSentTo(phone);
    Staff staff = Staff.app(port);

    Answer inbox = staff.as("admin").get("/demo/sms-inbox?phone=" + phone);
    assertThat(inbox.status()).as(inbox.body()).isEqualTo(200);
    assertThat(inbox.json().get(0).get("text").asText()).contains(code);
    assertThat(staff.as("admin").get("/demo/sms-inbox/page").body()).contains("演示短信收件箱");
    assertThat(staff.anonymous().get("/demo/sms-inbox?phone=" + phone).status()).isEqualTo(401);
    Answer surveyor = staff.as("wangqiang").get("/demo/sms-inbox?phone=" + phone);
    assertThat(surveyor.status()).isEqualTo(403);
    assertThat(surveyor.body()).doesNotContain(code);
  }

  // --- Helpers -------------------------------------------------------------------------------------

  static void assertLimited(Answer answer, long atMostSeconds) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(429);
    assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    assertThat(Long.parseLong(answer.header("Retry-After"))).isBetween(1L, atMostSeconds);
    assertThat(answer.json().get("title").asText()).isEqualTo("请求过于频繁");
    assertThat(answer.json().get("detail").asText()).contains("请在").contains("后再试");
  }

  /** A session for the phone, through the real code SMS. */
  Answer session(String phone) {
    return new SmsCodes(dispatcher, sms).session(channel.anonymous().from(address()), phone);
  }

  /** The code in the latest SMS the gateway delivered to the phone, after the outbox dispatcher ran. */
  String codeSentTo(String phone) {
    return new SmsCodes(dispatcher, sms).sentTo(phone);
  }

  int sentTo(String phone) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM notification_outbox WHERE phone = ?", Integer.class, phone);
  }

  /** A case filed by the demo channel for the phone. */
  String file(String phone) {
    Answer filed = channel.apply(ApiClient.application("contactPhone", "\"" + phone + "\""), null);
    assertThat(filed.status()).as(filed.body()).isEqualTo(201);
    return filed.json().get("applicationNumber").asText();
  }

  static String phone() {
    return SmsCodes.freshPhone("139");
  }

  static String address() {
    return ApiClient.newAddress();
  }
}
