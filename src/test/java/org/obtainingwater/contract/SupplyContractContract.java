package org.obtainingwater.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.obtainingwater.adapters.RecordingSmsGateway;
import org.obtainingwater.identity.CustomerIdentityHousekeeping;
import org.obtainingwater.notification.OutboxDispatcher;
import org.obtainingwater.process.ObtainingWaterProcess;
import org.obtainingwater.process.Sha256;
import org.obtainingwater.support.Answer;
import org.obtainingwater.support.ApiClient;
import org.obtainingwater.support.AtOnce;
import org.obtainingwater.support.CaseDriver;
import org.obtainingwater.support.SmsCodes;
import org.obtainingwater.support.Staff;
import org.obtainingwater.support.StaffWalk;
import org.obtainingwater.support.TestCases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;


/**
 * The supply contract signed at the end (合同后置, docs/adr/0040), over HTTP against the running application on
 * the subclass's database: issued at water-on, read and signed by the case's phone with a code sent for that
 * contract, or recorded as signed at the counter by staff; never shown to another phone.
 */
abstract class SupplyContractContract {

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  OutboxDispatcher dispatcher;
  @Autowired
  RecordingSmsGateway sms;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  CustomerIdentityHousekeeping housekeeping;

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
  void theCustomerReadsTheContractIssuedAtWaterOn_andSignsItOnlineWithACodeSentForIt_thatHousekeepingKeeps() throws IOException {
    String phone = SmsCodes.freshPhone("139");
    String number = channel.fileFor(phone);
    ApiClient customer = session(phone);
    String loginCode = codes.sentTo(phone);
    String contract = "/api/v1/applications/" + number + "/contract";

    Answer before = customer.send("GET", contract, null);
    assertThat(before.status()).as(before.body()).isEqualTo(409);
    assertThat(before.json().get("detail").asText()).contains("合同在装表通水时出具");

    cases.toWaterOn(cases.instance(number));

    Answer issued = customer.send("GET", contract, null);
    assertThat(issued.status()).as(issued.body()).isEqualTo(200);
    assertThat(issued.json().get("contractNumber").asText()).isEqualTo("GS" + number.substring(2));
    assertThat(issued.json().get("signed").asBoolean()).isFalse();
    assertThat(issued.json().get("signature").isNull()).isTrue();
    String sha = issued.json().get("documentSha256").asText();
    Answer document = customer.send("GET", issued.json().get("documentUrl").asText(), null);
    assertThat(document.status()).isEqualTo(200);
    assertThat(document.header("Content-Type")).startsWith("application/pdf");
    assertThat(Sha256.of(document.bytes())).as("the document the customer reads is the one to sign").isEqualTo(sha);
    assertThat(text(document.bytes())).contains(number, "GS" + number.substring(2), "DN50", "ZZ2026-000817");

    assertThat(customer.postJson(contract + "/signing-codes", null).status()).isEqualTo(202);
    String signingSms = codes.latestText(phone);
    assertThat(signingSms).contains("签署供水合同 GS" + number.substring(2));
    String signingCode = codes.sentTo(phone);

    Answer otherText = customer.postJson(contract + "/signature", SmsCodes.signing(signingCode, "0".repeat(64)));
    assertThat(otherText.status()).as(otherText.body()).isEqualTo(400);
    assertThat(otherText.json().at("/errors/0/field").asText()).isEqualTo("documentSha256");

    if (!loginCode.equals(signingCode)) {
      Answer withLoginCode = customer.postJson(contract + "/signature", SmsCodes.signing(loginCode, sha));
      assertThat(withLoginCode.status()).as("a login code does not sign: %s", withLoginCode.body()).isEqualTo(400);
      assertThat(withLoginCode.json().at("/errors/0/field").asText()).isEqualTo("code");
      assertThat(withLoginCode.json().at("/errors/0/message").asText()).contains("还可以再试 4 次");
    }

    Answer signed = customer.postJson(contract + "/signature", SmsCodes.signing(signingCode, sha));
    assertThat(signed.status()).as(signed.body()).isEqualTo(201);
    assertThat(signed.json().get("signed").asBoolean()).isTrue();
    assertThat(signed.json().at("/signature/method").asText()).isEqualTo("SMS_CODE");
    assertThat(signed.json().at("/signature/phone").asText()).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
    assertThat(signed.json().get("documentSha256").asText()).isEqualTo(sha);

    Map<String, Object> record = jdbc.queryForMap("SELECT signed_by, signer_phone, verification_code_id, counter_staff "
        + "FROM supply_contract WHERE application_number = ?", number);
    assertThat(record.get("signed_by")).isEqualTo("SMS_CODE");
    assertThat(record.get("signer_phone")).isEqualTo(phone);
    assertThat(record.get("counter_staff")).isNull();
    assertThat(jdbc.queryForObject("SELECT purpose FROM verification_code WHERE id = ?", String.class,
        ((Number) record.get("verification_code_id")).longValue())).isEqualTo("SIGN GS" + number.substring(2));

    byte[] signedDocument = customer.send("GET", contract + "/document", null).bytes();
    try (PDDocument pdf = Loader.loadPDF(signedDocument)) {
      assertThat(pdf.getNumberOfPages()).isEqualTo(2);
    }
    assertThat(text(signedDocument)).contains("签 署 记 录", "短信验证码确认", sha);

    Answer again = customer.postJson(contract + "/signature", SmsCodes.signing(signingCode, sha));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("detail").asText()).contains("已于").contains("签署").contains("无需再签");
    assertThat(customer.postJson(contract + "/signing-codes", null).status()).as("no code for a signed contract").isEqualTo(409);

    long codeId = ((Number) record.get("verification_code_id")).longValue();
    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofDays(400).toMillis()));
    try {
      housekeeping.sweep();
    } finally {
      ClockUtil.reset();
    }
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM verification_code WHERE id = ?", Integer.class, codeId))
        .as("the code the signature rests on outlives housekeeping").isEqualTo(1);
  }

  @Test
  void anotherPhone_seesNoContract_exactlyAsForAnUnknownCase() {
    String phone = SmsCodes.freshPhone("139");
    String number = channel.fileFor(phone);
    cases.toWaterOn(cases.instance(number));
    ApiClient stranger = session(SmsCodes.freshPhone("139"));
    String contract = "/api/v1/applications/" + number + "/contract";

    for (Answer refused : new Answer[] {stranger.send("GET", contract, null), stranger.send("GET", contract + "/document", null),
        stranger.postJson(contract + "/signing-codes", null),
        stranger.postJson(contract + "/signature", SmsCodes.signing("123456", "0".repeat(64)))}) {
      assertThat(refused.status()).as(refused.body()).isEqualTo(404);
      assertThat(refused.json().get("detail").asText()).contains("没有找到编号为 " + number);
    }
    assertThat(channel.anonymous().send("GET", contract, null).status()).isEqualTo(401);
  }

  @Test
  void theCounterRecordsAPaperSignature_byTheStaffLogin_andOnlyTheContractsGroupsMayTouchIt() {
    String phone = SmsCodes.freshPhone("139");
    String number = channel.fileFor(phone);
    cases.toWaterOn(cases.instance(number));
    String door = "/api/v1/staff/contracts/" + number;

    Answer read = staff.as("lina").get(door);
    assertThat(read.status()).as(read.body()).isEqualTo(200);
    String sha = read.json().get("documentSha256").asText();
    Answer printed = staff.as("zhoufang").get(door + "/document");
    assertThat(printed.status()).isEqualTo(200);
    assertThat(Sha256.of(printed.bytes())).isEqualTo(sha);

    assertThat(staff.as("wangqiang").get(door).status()).as("a surveyor").isEqualTo(403);
    assertThat(staff.anonymous().get(door).status()).isEqualTo(401);
    Answer unknown = staff.as("lina").get("/api/v1/staff/contracts/GW-2026-999999");
    assertThat(unknown.status()).isEqualTo(404);

    Answer signed = staff.as("lina").post(door + "/counter-signature", Map.of("documentSha256", sha));
    assertThat(signed.status()).as(signed.body()).isEqualTo(201);
    assertThat(signed.json().at("/signature/method").asText()).isEqualTo("COUNTER");
    assertThat(signed.json().at("/signature/methodLabel").asText()).isEqualTo("营业厅柜台签字");
    assertThat(jdbc.queryForObject("SELECT counter_staff FROM supply_contract WHERE application_number = ?", String.class,
        number)).isEqualTo("lina");

    Answer customerView = session(phone).send("GET", "/api/v1/applications/" + number + "/contract", null);
    assertThat(customerView.json().at("/signature/methodLabel").asText()).isEqualTo("营业厅柜台签字");
    assertThat(staff.as("lina").post(door + "/counter-signature", Map.of("documentSha256", sha)).status()).isEqualTo(409);
  }

  /**
   * A counter signature and the five-working-day timer at the same moment (docs/adr/0046): whichever commits first,
   * the signature is recorded once and answered 201, and the case closes (the callback done): when the timer won, the
   * signature completes the follow-up task it has just opened; no task is left waiting for a person.
   */
  @Test
  void aSignatureRacingTheFiveDayTimer_isRecorded_answered201_andTheCaseCloses_whicheverCommitsFirst() throws Exception {
    for (int round = 1; round <= 10; round++) {
      String number = channel.fileFor(SmsCodes.freshPhone("139"));
      ProcessInstance instance = cases.instance(number);
      cases.toWaterOn(instance);
      cases.complete(instance, ObtainingWaterProcess.UserTasks.CALL_BACK_CUSTOMER, TestCases.calledBack(5, "满意"));
      String timer = cases.timer(instance, ObtainingWaterProcess.Elements.CONTRACT_UNSIGNED).getId();
      String sha = staff.as("lina").get("/api/v1/staff/contracts/" + number).json().get("documentSha256").asText();

      List<Object> outcomes = AtOnce.run(() -> StaffWalk.counterSigns(staff, number, sha), () -> {
        try {
          engine.getManagementService().executeJob(timer);
          return "timer fired";
        } catch (RuntimeException lost) {
          return "timer lost: " + lost.getClass().getSimpleName();
        }
      });
      cases.executeJobs(instance);

      Answer signed = (Answer) outcomes.get(0);
      assertThat(signed.status()).as("round %d (%s): %s", round, outcomes.get(1), signed.body()).isEqualTo(201);
      assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).count())
          .as("no follow-up left to a person").isZero();
      assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instance.getId())
          .finished().count()).as("round %d: closed", round).isOne();
    }
  }

  @Test
  void theContractIsIssuedOnce_evenWhenTheStepRunsAgain() {
    String number = channel.fileFor(SmsCodes.freshPhone("139"));
    ProcessInstance instance = cases.instance(number);
    cases.toWaterOn(instance);
    String sha = jdbc.queryForObject("SELECT document_sha256 FROM supply_contract WHERE application_number = ?",
        String.class, number);

    engine.getRuntimeService().createProcessInstanceModification(instance.getId())
        .startBeforeActivity("serviceTask_issueSupplyContract").execute();
    cases.executeJobs(instance);

    assertThat(jdbc.queryForList("SELECT document_sha256 FROM supply_contract WHERE application_number = ?",
        String.class, number)).containsExactly(sha);
  }

  private ApiClient session(String phone) {
    return channel.withSession(codes.token(channel.anonymous().from(ApiClient.newAddress()), phone))
        .from(ApiClient.newAddress());
  }

  private static String text(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document).replaceAll("\\R\\s*", "");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
