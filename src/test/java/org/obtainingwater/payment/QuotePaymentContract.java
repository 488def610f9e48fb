package org.obtainingwater.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.obtainingwater.process.ObtainingWaterProcess.Elements.AWAIT_PAYMENT;
import static org.obtainingwater.process.ObtainingWaterProcess.Elements.END_WATER_CONNECTED;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.CALL_BACK_CUSTOMER;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.DESIGN_SUPPLY_SCHEME;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.INSTALL_METER;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.REVIEW_APPLICATION;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.SURVEY_SITE;
import static org.obtainingwater.support.TestCases.accepted;
import static org.obtainingwater.support.TestCases.calledBack;
import static org.obtainingwater.support.TestCases.designed;
import static org.obtainingwater.support.TestCases.meterInstalled;
import static org.obtainingwater.support.TestCases.surveyed;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.obtainingwater.adapters.RecordingPaymentGateway;
import org.obtainingwater.adapters.RecordingSmsGateway;
import org.obtainingwater.contract.SupplyContracts;
import org.obtainingwater.notification.OutboxDispatcher;
import org.obtainingwater.support.Answer;
import org.obtainingwater.support.ApiClient;
import org.obtainingwater.support.AtOnce;
import org.obtainingwater.support.CaseDriver;
import org.obtainingwater.support.SmsCodes;
import org.obtainingwater.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Quote and payment (docs/adr/0043) over HTTP against the running application on the subclass's database: a charged
 * case quoted on the page, accepted, paid through the recording gateway and its notification (repeated: one effect),
 * connected; a free case has no quote; another phone sees none; the counter records an acceptance under the staff
 * login; the notification door takes only the gateway's credential and refuses bad input in words a person can act on.
 */
abstract class QuotePaymentContract {

  static final String NOTIFICATIONS = "/api/v1/payment-notifications";

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  SupplyContracts contracts;
  @Autowired
  OutboxDispatcher dispatcher;
  @Autowired
  RecordingSmsGateway sms;
  @Autowired
  RecordingPaymentGateway gateway;
  @Autowired
  JdbcTemplate jdbc;

  ApiClient channel;
  CaseDriver cases;
  Staff staff;
  SmsCodes codes;

  @BeforeEach
  void connect() {
    codes = new SmsCodes(dispatcher, sms);
    channel = new ApiClient(port);
    cases = new CaseDriver(engine);
    staff = Staff.app(port);
  }

  @Test
  void aChargedCase_isQuotedOnThePage_acceptedAndPaid_aRepeatedNotificationHasOneEffect_andTheCaseConnects() {
    String phone = SmsCodes.freshPhone("137");
    String number = quoted(phone, "residential");
    ApiClient customer = session(phone);
    String quote = "/api/v1/applications/" + number + "/quote";

    Answer shown = customer.send("GET", quote, null);
    assertThat(shown.status()).as(shown.body()).isEqualTo(200);
    assertThat(shown.json().get("amount").decimalValue()).isEqualByComparingTo("86000");
    assertThat(shown.json().get("basis").asText()).contains("DN100 及以上");
    assertThat(shown.json().get("covers").asText()).contains("红线内", "红线外管线及代办许可由水司承担");
    assertThat(shown.json().get("paymentTiming").asText()).isEqualTo("beforeWorks");
    assertThat(shown.json().get("state").asText()).isEqualTo("AWAITING_ACCEPTANCE");
    Answer status = customer.send("GET", "/api/v1/applications/" + number, null);
    assertThat(status.json().get("stage").asText()).isEqualTo("PAYMENT");
    assertThat(status.json().get("nextStep").asText()).contains("确认报价并付款");
    assertThat(status.json().get("timeline")).extracting(step -> step.get("stage").asText() + " " + step.get("state").asText())
        .contains("DESIGN DONE", "PAYMENT CURRENT");
    assertThat(sms.deliveredTo(phone)).as("the quote's notice").anySatisfy(delivered ->
        assertThat(delivered.text()).contains(number, "86000.00 元", "先付款"));

    Answer tooEarly = customer.send("POST", quote + "/payments", null);
    assertThat(tooEarly.status()).as(tooEarly.body()).isEqualTo(409);
    assertThat(tooEarly.json().get("detail").asText()).contains("请先确认报价");

    Answer accepted = customer.send("POST", quote + "/acceptance", null);
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
    assertThat(accepted.json().get("state").asText()).isEqualTo("AWAITING_PAYMENT");
    assertThat(accepted.json().get("acceptedVia").asText()).isEqualTo("PAGE");
    Answer acceptedAgain = customer.send("POST", quote + "/acceptance", null);
    assertThat(acceptedAgain.status()).isEqualTo(200);
    assertThat(acceptedAgain.json().get("acceptedAt")).isEqualTo(accepted.json().get("acceptedAt"));

    Answer order = customer.send("POST", quote + "/payments", null);
    assertThat(order.status()).as(order.body()).isEqualTo(200);
    String reference = order.json().get("paymentReference").asText();
    assertThat(reference).isEqualTo("ZF" + number.substring(2) + "-1");
    assertThat(order.json().get("payUrl").asText()).isEqualTo("/demo/payment-gateway/" + reference);
    assertThat(gateway.order(reference)).as("sent to the gateway").isPresent();
    Answer sameOrder = customer.send("POST", quote + "/payments", null);
    assertThat(sameOrder.json().get("paymentReference").asText()).as("the open order again, not a second").isEqualTo(reference);

    Answer wrongAmount = channel.paymentNotified(ApiClient.paymentNotification(reference, "8600.00", "4200100001"));
    assertThat(wrongAmount.status()).as(wrongAmount.body()).isEqualTo(400);
    assertThat(wrongAmount.json().at("/errors/0/field").asText()).isEqualTo("amount");
    assertThat(wrongAmount.json().at("/errors/0/message").asText()).contains("与支付单", "不符");

    String notification = ApiClient.paymentNotification(reference, "86000.00", "4200100001");
    Answer paid = channel.paymentNotified(notification);
    assertThat(paid.status()).as(paid.body()).isEqualTo(200);
    assertThat(paid.json().get("effect").asText()).isEqualTo("CASE_CONTINUED");
    for (int repeat = 0; repeat < 2; repeat++) {
      Answer again = channel.paymentNotified(notification);
      assertThat(again.status()).isEqualTo(200);
      assertThat(again.json()).as("a repeat answers as the first").isEqualTo(paid.json());
    }
    Answer anotherTransaction = channel.paymentNotified(ApiClient.paymentNotification(reference, "86000.00", "4200100002"));
    assertThat(anotherTransaction.status()).isEqualTo(409);
    assertThat(anotherTransaction.json().get("detail").asText()).contains("已于", "4200100001", "退款");

    ProcessInstance instance = instance(number);
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
        .activityId(AWAIT_PAYMENT).finished().count()).as("one effect").isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payment_order WHERE application_number = ? AND paid_at IS NOT NULL",
        Integer.class, number)).isEqualTo(1);
    Answer after = customer.send("GET", quote, null);
    assertThat(after.json().get("state").asText()).isEqualTo("PAID");
    assertThat(after.json().get("paidAmount").decimalValue()).isEqualByComparingTo("86000");

    cases.complete(instance, INSTALL_METER, meterInstalled(100));
    cases.complete(instance, CALL_BACK_CUSTOMER, calledBack(5, "满意"));
    // From application to a signed contract without visiting the counter: signed on the page too (docs/adr/0046).
    Answer signed = codes.signContract(customer, number, phone);
    assertThat(signed.status()).as(signed.body()).isEqualTo(201);
    cases.executeJobs(instance);
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
        .activityId(END_WATER_CONNECTED).count()).isEqualTo(1);
  }

  @Test
  void theDemoCashier_isMarkedAsTheLocalAdapter_andPostsTheNotificationAsTheGatewayWould() {
    String phone = SmsCodes.freshPhone("137");
    String number = quoted(phone, "residential");
    ApiClient customer = session(phone);
    String quote = "/api/v1/applications/" + number + "/quote";
    assertThat(customer.send("POST", quote + "/acceptance", null).status()).isEqualTo(200);
    String payUrl = customer.send("POST", quote + "/payments", null).json().get("payUrl").asText();

    Answer page = channel.send("GET", payUrl, null);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("本地模拟收银台", "不会真实扣款", "86000.00");
    Answer paid = channel.send("POST", payUrl + "/paid", null);
    assertThat(paid.status()).as(paid.body()).isEqualTo(200);
    assertThat(paid.body()).contains("模拟付款成功");

    assertThat(customer.send("GET", quote, null).json().get("state").asText()).isEqualTo("PAID");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(number)
        .taskDefinitionKey(INSTALL_METER).count()).isEqualTo(1);
  }

  @Test
  void twoNotificationsOfOnePaymentAtOnce_recordItOnce_andMoveTheCaseOnce() throws Exception {
    String phone = SmsCodes.freshPhone("137");
    String number = quoted(phone, "residential");
    assertThat(channel.acceptQuote(number, phone).status()).isEqualTo(200);
    String reference = channel.pay(number, phone).json().get("paymentReference").asText();
    String notification = ApiClient.paymentNotification(reference, "86000", "4200100003");

    List<Answer> answers = AtOnce.run(() -> channel.paymentNotified(notification), () -> channel.paymentNotified(notification),
        () -> channel.paymentNotified(notification));

    assertThat(answers).extracting(Answer::status).containsOnly(200);
    assertThat(answers).extracting(answer -> answer.json().get("paidAt").asText()).containsOnly(
        answers.get(0).json().get("paidAt").asText());
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance(number).getId())
        .activityId(AWAIT_PAYMENT).finished().count()).isEqualTo(1);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(number)
        .taskDefinitionKey(INSTALL_METER).count()).isEqualTo(1);
  }

  @Test
  void aCreditConnection_paysAfterWaterOn_andIsToldSoBefore() {
    String phone = SmsCodes.freshPhone("137");
    String number = quoted(phone, "commercial");
    assertThat(channel.quote(number, phone).json().get("paymentTiming").asText()).isEqualTo("afterWaterOn");
    Answer accepted = channel.acceptQuote(number, phone);
    assertThat(accepted.json().get("state").asText()).isEqualTo("PAYMENT_AFTER_WATER_ON");

    Answer early = channel.pay(number, phone);
    assertThat(early.status()).isEqualTo(409);
    assertThat(early.json().get("detail").asText()).contains("信用报装", "通水后再付款", "15 个工作日");

    ProcessInstance instance = instance(number);
    cases.complete(instance, INSTALL_METER, meterInstalled(100));
    Answer order = channel.pay(number, phone);
    assertThat(order.status()).as(order.body()).isEqualTo(200);
    assertThat(channel.paymentNotified(ApiClient.paymentNotification(order.json().get("paymentReference").asText(),
        "86000", "4200100004")).status()).isEqualTo(200);
    cases.complete(instance, CALL_BACK_CUSTOMER, calledBack(5, "满意"));
    cases.contractSigned(instance, contracts);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).count())
        .as("closed once paid and called back").isZero();
  }

  @Test
  void aFreeCase_hasNoQuote_andAnotherPhoneSeesNone_exactlyAsForAnUnknownCase() {
    String phone = SmsCodes.freshPhone("137");
    String free = file(phone, "residential");
    ProcessInstance instance = instance(free);
    cases.executeJobs(instance);
    cases.complete(instance, REVIEW_APPLICATION, accepted());
    cases.complete(instance, SURVEY_SITE, surveyed(0, false, false));
    cases.complete(instance, DESIGN_SUPPLY_SCHEME, designed(80, 50, 26_000));
    Answer none = channel.quote(free, phone);
    assertThat(none.status()).isEqualTo(409);
    assertThat(none.json().get("detail").asText()).contains("没有报价", "费用全免");

    String charged = quoted(phone, "residential");
    String stranger = SmsCodes.freshPhone("136");
    for (Answer answer : List.of(channel.quote(charged, stranger), channel.acceptQuote(charged, stranger),
        channel.pay(charged, stranger), channel.quote("GW-1999-000001", stranger))) {
      assertThat(answer.status()).as(answer.body()).isEqualTo(404);
      assertThat(answer.json().get("detail").asText()).contains("没有找到编号为");
    }
    assertThat(channel.anonymous().send("GET", "/api/v1/applications/" + charged + "/quote", null).status())
        .isEqualTo(401);
    assertThat(channel.quote(charged, phone).json().get("state").asText()).as("nothing accepted").isEqualTo(
        "AWAITING_ACCEPTANCE");
  }

  @Test
  void theCounterRecordsTheAcceptance_underTheStaffLogin_andOnlyTheQuotesGroupsMay() {
    String phone = SmsCodes.freshPhone("137");
    String number = quoted(phone, "residential");
    String door = "/api/v1/staff/quotes/" + number;

    assertThat(staff.anonymous().post(door + "/acceptance", "").status()).isEqualTo(401);
    Answer surveyor = staff.as("wangqiang").post(door + "/acceptance", "");
    assertThat(surveyor.status()).isEqualTo(403);
    assertThat(surveyor.json().get("detail").asText()).contains("报价只对这些组开放");
    assertThat(staff.as("zhoufang").get(door).json().get("state").asText()).isEqualTo("AWAITING_ACCEPTANCE");

    Answer recorded = staff.as("lina").post(door + "/acceptance", "");
    assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
    assertThat(recorded.json().get("acceptedVia").asText()).isEqualTo("COUNTER");
    assertThat(jdbc.queryForObject("SELECT accepted_by FROM quote WHERE application_number = ?", String.class, number))
        .isEqualTo("lina");
    assertThat(channel.quote(number, phone).json().get("state").asText()).isEqualTo("AWAITING_PAYMENT");
    assertThat(staff.as("lina").get("/api/v1/staff/quotes/GW-1999-000001").status()).isEqualTo(404);
  }

  @Test
  void theNotificationDoor_takesOnlyTheGatewaysToken_andAnUnknownOrderIs404() {
    String body = ApiClient.paymentNotification("ZF-1999-000001-1", "100", "4200100005");
    Answer none = channel.postJson(NOTIFICATIONS, body);
    assertThat(none.status()).isEqualTo(401);
    assertThat(none.header("WWW-Authenticate")).contains("payment-gateway");
    assertThat(none.json().get("detail").asText()).contains("支付平台的通知凭证");
    assertThat(channel.postJson(NOTIFICATIONS, body, "Authorization", "Bearer " + ApiClient.DEMO_PLATFORM_TOKEN).status())
        .as("the permit platform's token opens no other door").isEqualTo(401);
    assertThat(channel.postJson(NOTIFICATIONS, body, "Authorization", Staff.basic("admin")).status()).isEqualTo(401);
    Answer unknown = channel.paymentNotified(body);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().get("detail").asText()).contains("没有支付单号为 ZF-1999-000001-1");
    Answer missing = channel.paymentNotified("{\"paymentReference\":\"ZF-1999-000001-1\"}");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().get("errors")).extracting(error -> error.get("field").asText())
        .contains("amount", "transactionId", "paidAt");
  }

  @Test
  void acceptingAndPaying_areLimitedPerPhone_with429AndWhenToComeBack() {
    String phone = SmsCodes.freshPhone("137");
    String number = quoted(phone, "residential");
    Answer last = null;
    for (int i = 0; i < 21; i++) {
      last = channel.acceptQuote(number, phone);
      if (last.status() == 429) {
        break;
      }
    }
    assertThat(last.status()).isEqualTo(429);
    assertThat(last.header("Retry-After")).isNotBlank();
    assertThat(last.json().get("detail").asText()).contains("确认报价、发起付款的次数已达上限");
  }

  /** Files for the phone and works the case to its quote: a DN150 pipe, so the fee is charged. */
  private String quoted(String phone, String useType) {
    String number = file(phone, useType);
    ProcessInstance instance = instance(number);
    cases.executeJobs(instance);
    cases.complete(instance, REVIEW_APPLICATION, accepted());
    cases.complete(instance, SURVEY_SITE, surveyed(0, false, false));
    cases.complete(instance, DESIGN_SUPPLY_SCHEME, designed(150, 100, 86_000));
    dispatcher.dispatchDue();
    return number;
  }

  private String file(String phone, String useType) {
    String body = ApiClient.application("contactPhone", "\"" + phone + "\"").replace("\"commercial\"", "\"" + useType + "\"");
    Answer filed = channel.apply(body, null);
    assertThat(filed.status()).as(filed.body()).isEqualTo(201);
    return filed.json().get("applicationNumber").asText();
  }

  private ApiClient session(String phone) {
    return channel.withSession(codes.token(channel.anonymous().from(ApiClient.newAddress()), phone))
        .from(ApiClient.newAddress());
  }

  private ProcessInstance instance(String number) {
    return cases.instance(number);
  }
}
