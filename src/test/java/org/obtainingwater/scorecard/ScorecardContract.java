package org.obtainingwater.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.BUILD_EXTERNAL_PIPELINE;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.CALL_BACK_CUSTOMER;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.DESIGN_SUPPLY_SCHEME;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.INSTALL_METER;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.RECTIFY_SERVICE;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.REVIEW_APPLICATION;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.SURVEY_SITE;
import static org.obtainingwater.support.TestCases.accepted;
import static org.obtainingwater.support.TestCases.application;
import static org.obtainingwater.support.TestCases.calledBack;
import static org.obtainingwater.support.TestCases.designed;
import static org.obtainingwater.support.TestCases.meterInstalled;
import static org.obtainingwater.support.TestCases.permitApproved;
import static org.obtainingwater.support.TestCases.pipelineBuilt;
import static org.obtainingwater.support.TestCases.rectified;
import static org.obtainingwater.support.TestCases.rejected;
import static org.obtainingwater.support.TestCases.surveyed;

import java.util.stream.StreamSupport;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.obtainingwater.cases.ServiceRatings;
import org.obtainingwater.contract.SupplyContracts;
import org.obtainingwater.payment.Payments;
import org.obtainingwater.permits.PermitKind;
import org.obtainingwater.support.Answer;
import org.obtainingwater.support.ApiClient;
import org.obtainingwater.support.CaseDriver;
import org.obtainingwater.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The scorecard over cases with known timings, driven through the real engine with its clock set to
 * each step's local time (Asia/Shanghai, office day 08:30–17:30, so 4.5 office hours are half a
 * working day). November 2025 has no public holiday. The period's expected figures are worked out
 * by hand in the comments, so a changed rule shows as a changed number here.
 *
 * <pre>
 * case  path                          intake survey design permits constr. meter | working  utility  calendar  callback
 * A     no external works, DN80       0.5    0.5    0.5    -       -       0.5   | 2.0      2.0      1.375     0.5, score 5
 * B     no external works, DN100 ¥12k 1.5    1.0    0.5    -       -       0.5   | 3.5 (>3) 3.5      3.1875    1.5, scores 2 then 4
 * C     both permits, DN80            0.5    0.5    0.5    2.5     3.0     1.0   | 8.0      2.5      10.0      1.0, score 4
 * D     no external works, DN50       0.5    0.5    0.5    -       -       1.5   | 3.0      3.0      2.375     open
 * E     water on 1 December: outside the period;  F: rejected at intake on 10 November
 * </pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ScorecardContract {

  static final String NOVEMBER = "from=2025-11-01&to=2025-11-30";
  static final String SUPERVISOR = "wulei";

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;

  @Autowired
  ServiceRatings ratings;
  @Autowired
  Payments payments;
  @Autowired
  SupplyContracts contracts;

  Staff staff;
  CaseDriver cases;

  @BeforeAll
  void novemberCases() {
    staff = Staff.app(port);
    cases = new CaseDriver(engine);
    // A: the fast path, every stage half a working day
    ProcessInstance a = apply("2025-11-03T08:30");
    step(a, "2025-11-03T13:00", REVIEW_APPLICATION, accepted());
    step(a, "2025-11-03T17:30", SURVEY_SITE, surveyed(0, false, false));
    step(a, "2025-11-04T13:00", DESIGN_SUPPLY_SCHEME, designed(80, 50, 0));
    step(a, "2025-11-04T17:30", INSTALL_METER, meterInstalled(50));
    rateOnline(a, "2025-11-05T09:00", 5);
    step(a, "2025-11-05T13:00", CALL_BACK_CUSTOMER, calledBack(5, "满意"));
    cases.contractSigned(a, contracts); // signed by the callback: no customer time after it (docs/adr/0046)
    // B: slow intake, a fee, a dissatisfied customer called again after the rectification
    ProcessInstance b = apply("2025-11-03T08:30");
    step(b, "2025-11-04T13:00", REVIEW_APPLICATION, accepted());
    step(b, "2025-11-05T13:00", SURVEY_SITE, surveyed(0, false, false));
    step(b, "2025-11-05T17:30", DESIGN_SUPPLY_SCHEME, designed(100, 80, 12_000));
    cases.quoteAccepted(b, payments); // at once: no customer time; a credit connection, paid after the callbacks
    step(b, "2025-11-06T13:00", INSTALL_METER, meterInstalled(80));
    step(b, "2025-11-06T17:30", CALL_BACK_CUSTOMER, calledBack(2, "装表员迟到"));
    step(b, "2025-11-07T13:00", RECTIFY_SERVICE, rectified("已约谈装表班组"));
    step(b, "2025-11-07T17:30", CALL_BACK_CUSTOMER, calledBack(4, "已满意"));
    cases.paid(b, payments, "4200001105");
    cases.contractSigned(b, contracts);
    // C: external works with both permits; the last permit arrives on Friday morning
    ProcessInstance c = apply("2025-11-03T08:30");
    step(c, "2025-11-03T13:00", REVIEW_APPLICATION, accepted());
    step(c, "2025-11-03T17:30", SURVEY_SITE, surveyed(180, true, true));
    step(c, "2025-11-04T13:00", DESIGN_SUPPLY_SCHEME, designed(80, 50, 26_000));
    cases.permitDecidedAt(c, "2025-11-06T13:00", PermitKind.ROAD, permitApproved("株建占字〔2025〕201号"));
    cases.permitDecidedAt(c, "2025-11-07T08:30", PermitKind.GREENERY, permitApproved("株园林许〔2025〕21号"));
    step(c, "2025-11-12T08:30", BUILD_EXTERNAL_PIPELINE, pipelineBuilt());
    step(c, "2025-11-13T08:30", INSTALL_METER, meterInstalled(50));
    step(c, "2025-11-13T17:30", CALL_BACK_CUSTOMER, calledBack(4, "满意"));
    cases.contractSigned(c, contracts);
    // D: slow meter fitting, not yet called back
    ProcessInstance d = apply("2025-11-10T08:30");
    step(d, "2025-11-10T13:00", REVIEW_APPLICATION, accepted());
    step(d, "2025-11-10T17:30", SURVEY_SITE, surveyed(0, false, false));
    step(d, "2025-11-11T13:00", DESIGN_SUPPLY_SCHEME, designed(50, 40, 0));
    step(d, "2025-11-12T17:30", INSTALL_METER, meterInstalled(40));
    rateOnline(d, "2025-11-13T09:00", 3);
    // E: applied in November, water on in December
    ProcessInstance e = apply("2025-11-28T08:30");
    step(e, "2025-11-28T10:00", REVIEW_APPLICATION, accepted());
    step(e, "2025-12-01T09:00", SURVEY_SITE, surveyed(0, false, false));
    step(e, "2025-12-01T10:00", DESIGN_SUPPLY_SCHEME, designed(50, 40, 0));
    step(e, "2025-12-01T11:00", INSTALL_METER, meterInstalled(40));
    // F: rejected at intake
    ProcessInstance f = apply("2025-11-10T08:30");
    step(f, "2025-11-10T09:00", REVIEW_APPLICATION, rejected("用水地址不在供水服务范围内"));
  }

  @AfterAll
  void realTime() {
    ClockUtil.reset();
  }

  /** The customer rates the case on the customer page (docs/adr/0037), as the API does it. */
  void rateOnline(ProcessInstance instance, String localTime, int score) {
    at(localTime);
    ratings.rate(instance.getBusinessKey(), ApiClient.PHONE, score, "网上评价 " + score + " 分");
  }

  ProcessInstance apply(String localTime) {
    return cases.applyAt(localTime, application());
  }

  void step(ProcessInstance instance, String localTime, String task, VariableMap submitted) {
    cases.completeAt(instance, localTime, task, submitted);
  }

  static void at(String localTime) {
    CaseDriver.clockAt(localTime);
  }

  // --- Figures -----------------------------------------------------------------------------------

  @Test
  void november_countsTheCasesWhoseWaterCameOn_withMediansAndP90sAsWorkedOutByHand() {
    JsonNode card = get("/api/scorecard?" + NOVEMBER, SUPERVISOR).json();

    assertThat(card.at("/period/from").asText()).isEqualTo("2025-11-01");
    assertThat(card.at("/period/to").asText()).isEqualTo("2025-11-30");
    assertThat(card.get("connectedCases").asInt()).isEqualTo(4);
    assertThat(card.at("/closedWithoutConnection/REJECTED").asInt()).isEqualTo(1);

    assertFigure(card.get("customerProcedures"), 4, 2.0, 2.0);
    // working days 2.0, 3.0, 3.5, 8.0: median (3.0 + 3.5) / 2; p90 at rank 2.7: 3.5 + 0.7 × 4.5
    assertFigure(card.get("workingDays"), 4, 3.25, 6.65);
    assertThat(card.at("/workingDays/mean").asDouble()).isEqualTo(4.13);
    assertThat(card.at("/workingDays/max").asDouble()).isEqualTo(8.0);
    // calendar days 1.375, 2.375, 3.1875, 10.0
    assertFigure(card.get("calendarDays"), 4, 2.78, 7.96);
    // utility time 2.0, 2.5 (C: 8.0 less 2.5 permits and 3.0 construction), 3.0, 3.5
    assertFigure(card.get("utilityWorkingDays"), 4, 2.75, 3.35);
    // fees 0, 0, 0, 12000: p90 at rank 2.7 is 0.7 × 12000
    assertFigure(card.at("/customerFee/fee"), 4, 0.0, 8400.0);
    assertThat(card.at("/customerFee/waived").asInt()).isEqualTo(3);
    assertThat(card.at("/customerFee/waivedShare").asDouble()).isEqualTo(0.75);

    // B's 3.5 days miss the 3-day target; C's 2.5 days meet the 5-day target of external works
    assertShare(card.at("/withinCaseTarget/all"), 4, 3, 0.75);
    assertShare(card.at("/withinCaseTarget/withoutExternalWorks"), 3, 2, 0.6667);
    assertShare(card.at("/withinCaseTarget/withExternalWorks"), 1, 1, 1.0);
    assertThat(card.at("/withinCaseTarget/withoutExternalWorksTarget").asInt()).isEqualTo(3);
    assertThat(card.at("/withinCaseTarget/withExternalWorksTarget").asInt()).isEqualTo(5);

    assertThat(StreamSupport.stream(card.get("stages").spliterator(), false).map(s -> s.get("stage").asText()))
        .containsExactly("INTAKE", "SURVEY", "DESIGN", "PERMITS", "CONSTRUCTION", "METERING", "CALLBACK");
    JsonNode intake = stage(card, "INTAKE");
    assertThat(intake.get("targetWorkingDays").asDouble()).isEqualTo(0.5);
    assertFigure(intake.get("workingDays"), 4, 0.5, 1.2);
    assertShare(intake.get("withinTarget"), 4, 3, 0.75);
    // intake and survey have half a working day (stage-targets.dmn): A, C, D at 0.5 are within it, not within half
    // of it; B's 1.5 is beyond twice the target
    assertThat(intake.at("/bands/withinHalfTarget").asInt()).isZero();
    assertThat(intake.at("/bands/withinTarget").asInt()).isEqualTo(3);
    assertThat(intake.at("/bands/beyondTwiceTarget").asInt()).isEqualTo(1);
    assertFigure(stage(card, "SURVEY").get("workingDays"), 4, 0.5, 0.85);
    // B's survey took a whole working day: late against half a day
    assertShare(stage(card, "SURVEY").get("withinTarget"), 4, 3, 0.75);
    assertFigure(stage(card, "PERMITS").get("workingDays"), 1, 2.5, 2.5);
    assertShare(stage(card, "PERMITS").get("withinTarget"), 1, 0, 0.0);
    assertShare(stage(card, "CONSTRUCTION").get("withinTarget"), 1, 1, 1.0);
    assertFigure(stage(card, "METERING").get("workingDays"), 4, 0.75, 1.35);
    assertShare(stage(card, "METERING").get("withinTarget"), 4, 3, 0.75);
    // D has not been called back: the callback counts A, B (water on to the second call) and C
    assertFigure(stage(card, "CALLBACK").get("workingDays"), 3, 1.0, 1.4);

    // the first call's score counts: 5, 2, 4
    assertThat(card.at("/satisfaction/count").asInt()).isEqualTo(3);
    assertThat(card.at("/satisfaction/mean").asDouble()).isEqualTo(3.67);
    assertThat(card.at("/satisfaction/distribution/2").asInt()).isEqualTo(1);
    assertThat(card.at("/satisfaction/distribution/4").asInt()).isEqualTo(1);
    assertThat(card.at("/satisfaction/distribution/5").asInt()).isEqualTo(1);
    assertThat(card.at("/satisfaction/distribution/1").asInt()).isZero();
    assertThat(card.at("/satisfaction/rectified").asInt()).isEqualTo(1);

    // weekly: A and B had water in the week of 3 November (B late), C and D in the week of 10 November
    assertThat(card.at("/series/interval").asText()).isEqualTo("week");
    JsonNode points = card.at("/series/points");
    assertThat(StreamSupport.stream(points.spliterator(), false).map(p -> p.get("start").asText()))
        .containsExactly("2025-10-27", "2025-11-03", "2025-11-10", "2025-11-17", "2025-11-24");
    assertThat(points.get(1).get("cases").asInt()).isEqualTo(2);
    assertThat(points.get(1).get("share").asDouble()).isEqualTo(0.5);
    assertThat(points.get(2).get("cases").asInt()).isEqualTo(2);
    assertThat(points.get(2).get("share").asDouble()).isEqualTo(1.0);
    assertThat(points.get(0).get("share").isNull()).isTrue();
  }

  @Test
  void theCustomersOwnRatings_areReportedApartFromTheCallbackScores_withTheShareOfCasesRatedOnline() {
    JsonNode card = get("/api/scorecard?" + NOVEMBER, SUPERVISOR).json();
    assertThat(card.at("/onlineRating/count").asInt()).isEqualTo(2);
    assertThat(card.at("/onlineRating/share").asDouble()).as("2 of the 4 connected cases").isEqualTo(0.5);
    assertThat(card.at("/onlineRating/mean").asDouble()).isEqualTo(4.0);
    assertThat(card.at("/onlineRating/distribution/5").asInt()).isEqualTo(1);
    assertThat(card.at("/onlineRating/distribution/3").asInt()).isEqualTo(1);
    assertThat(card.at("/onlineRating/distribution/1").asInt()).isZero();
    // The callback's figure is what the callbacks recorded, not mixed with the online ratings.
    assertThat(card.at("/satisfaction/count").asInt()).isEqualTo(3);
    assertThat(card.at("/satisfaction/mean").asDouble()).isEqualTo(3.67);

    JsonNode first = get("/api/scorecard/cases?" + NOVEMBER + "&page=0&size=4", SUPERVISOR).json();
    assertThat(StreamSupport.stream(first.get("cases").spliterator(), false)
        .map(c -> c.get("satisfaction").asText() + "/" + c.get("onlineRating").asText()))
        .as("callback / online, A B D C in order of water on").containsExactly("5/5", "2/null", "null/3", "4/null");
  }

  @Test
  void theCasesOfThePeriod_comePagedInOrderOfWaterOn_withEachStageAgainstItsTarget() {
    JsonNode first = get("/api/scorecard/cases?" + NOVEMBER + "&page=0&size=2", SUPERVISOR).json();
    assertThat(first.get("totalCases").asInt()).isEqualTo(4);
    assertThat(first.get("cases")).hasSize(2);
    assertThat(first.at("/cases/0/utilityWorkingDays").asDouble()).isEqualTo(2.0);
    assertThat(first.at("/cases/1/customerFee").asDouble()).isEqualTo(12_000.0);
    assertThat(first.at("/cases/1/feeWaived").asBoolean()).isFalse();
    assertThat(first.at("/cases/1/satisfaction").asInt()).isEqualTo(2);
    assertThat(first.at("/cases/1/callbacks").asInt()).isEqualTo(2);
    assertThat(first.at("/cases/1/withinCaseTarget").asBoolean()).isFalse();

    JsonNode second = get("/api/scorecard/cases?" + NOVEMBER + "&page=1&size=2", SUPERVISOR).json();
    JsonNode d = second.at("/cases/0");
    assertThat(d.get("workingDays").asDouble()).isEqualTo(3.0);
    assertThat(d.get("withinCaseTarget").asBoolean()).isTrue();
    assertThat(d.get("satisfaction").isNull()).isTrue();
    assertThat(d.at("/stages/3/stage").asText()).isEqualTo("METERING");
    assertThat(d.at("/stages/3/withinTarget").asBoolean()).isFalse();
    assertThat(d.at("/stages/4/stage").asText()).isEqualTo("CALLBACK");
    assertThat(d.at("/stages/4/workingDays").isNull()).isTrue();

    JsonNode c = second.at("/cases/1");
    assertThat(c.get("externalWorks").asBoolean()).isTrue();
    assertThat(c.get("customerProcedures").asInt()).isEqualTo(2);
    assertThat(c.get("calendarDays").asDouble()).isEqualTo(10.0);
    assertThat(c.get("workingDays").asDouble()).isEqualTo(8.0);
    assertThat(c.get("utilityWorkingDays").asDouble()).isEqualTo(2.5);
    assertThat(c.get("caseTargetWorkingDays").asInt()).isEqualTo(5);
    assertThat(c.get("customerFee").asDouble()).isZero();
    assertThat(c.get("feeWaived").asBoolean()).isTrue();
    assertThat(StreamSupport.stream(c.get("stages").spliterator(), false)
        .map(s -> s.get("stage").asText() + " " + s.get("workingDays").asDouble() + "/" + s.get("targetWorkingDays").asDouble()))
        .containsExactly("INTAKE 0.5/0.5", "SURVEY 0.5/0.5", "DESIGN 0.5/1.0", "PERMITS 2.5/2.0", "CONSTRUCTION 3.0/10.0",
            "METERING 1.0/1.0", "CALLBACK 1.0/2.0");
  }

  @Test
  void withoutParameters_theScorecardCoversTheLastCalendarMonth() {
    at("2025-12-03T10:00");
    JsonNode card = get("/api/scorecard", SUPERVISOR).json();
    assertThat(card.at("/period/from").asText()).isEqualTo("2025-11-01");
    assertThat(card.at("/period/to").asText()).isEqualTo("2025-11-30");
    assertThat(card.get("connectedCases").asInt()).isEqualTo(4);
    JsonNode december = get("/api/scorecard?from=2025-12-01", SUPERVISOR).json();
    assertThat(december.at("/period/to").asText()).isEqualTo("2025-12-31");
    assertThat(december.get("connectedCases").asInt()).isEqualTo(1);
  }

  @Test
  void aPeriodInTheProvisionalCalendarYear_isFlagged_andAnOfficialOneIsNot() {
    assertThat(get("/api/scorecard?" + NOVEMBER, SUPERVISOR).json().get("provisionalCalendarYears")).isEmpty();
    JsonNode provisional = get("/api/scorecard?from=2026-12-01&to=2027-01-31", SUPERVISOR).json();
    assertThat(provisional.get("provisionalCalendarYears")).extracting(JsonNode::asInt).containsExactly(2027);
  }

  // --- Access ------------------------------------------------------------------------------------

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
      // nobody without a staff login
      ", /api/scorecard, 401",
      ", /api/scorecard/cases, 401",
      ", /scorecard/, 401",
      "zhoufang:wrong-password, /api/scorecard, 401",
      // staff outside supervisors and camunda-admin may not see it
      "lina, /api/scorecard, 403",
      "sunhao, /api/scorecard/cases, 403",
      "lina, /scorecard/, 403",
      // supervisors and administrators may
      "wulei, /api/scorecard, 200",
      "wulei, /api/scorecard/cases, 200",
      "wulei, /scorecard/, 200",
      "admin, /api/scorecard, 200"})
  void onlySupervisorsAndAdministrators_seeTheScorecard(String login, String path, int status) {
    Answer answer = get(path, login);
    assertThat(answer.status()).isEqualTo(status);
    if (status == 401) {
      assertThat(answer.header("www-authenticate")).startsWith("Basic ");
    }
    if (status != 200) {
      assertThat(answer.header("content-type")).startsWith("application/problem+json");
      assertThat(answer.json().get("detail").asText()).isNotBlank();
    }
  }

  @Test
  void thePage_isServedToSupervisors_withItsChartLibraryFromTheApplicationItself() {
    Answer page = get("/scorecard/", SUPERVISOR);
    assertThat(page.body()).contains("获得用水考核指标").contains("vendor/chart.umd.min.js").doesNotContain("http://", "https://");
    assertThat(get("/scorecard/vendor/chart.umd.min.js", SUPERVISOR).status()).isEqualTo(200);
  }

  // --- Bad parameters ----------------------------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "from=2025-13-01, from",
      "from=yesterday, from",
      "to=2025-11-31, to",
      "from=2025-11-30&to=2025-11-01, to",
      "from=2024-01-01&to=2025-06-30, to",
      "interval=day, interval"})
  void badParameters_areAnswered400_namingTheParameter(String query, String parameter) {
    Answer answer = get("/api/scorecard?" + query, SUPERVISOR);
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.header("content-type")).startsWith("application/problem+json");
    assertThat(answer.json().at("/errors/0/field").asText()).isEqualTo(parameter);
    assertThat(answer.json().get("detail").asText()).isNotBlank();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"page=-1, page", "size=0, size", "size=501, size", "page=abc, page"})
  void badPaging_isAnswered400_namingTheParameter(String query, String parameter) {
    Answer answer = get("/api/scorecard/cases?" + query, SUPERVISOR);
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.header("content-type")).startsWith("application/problem+json");
    assertThat(answer.json().at("/errors/0/field").asText()).isEqualTo(parameter);
  }

  // --- Helpers -----------------------------------------------------------------------------------

  static JsonNode stage(JsonNode card, String stage) {
    return StreamSupport.stream(card.get("stages").spliterator(), false)
        .filter(s -> s.get("stage").asText().equals(stage)).findFirst().orElseThrow();
  }

  static void assertFigure(JsonNode figure, int count, double median, double p90) {
    assertThat(figure.get("count").asInt()).as("count of %s", figure).isEqualTo(count);
    assertThat(figure.get("median").asDouble()).as("median of %s", figure).isEqualTo(median);
    assertThat(figure.get("p90").asDouble()).as("p90 of %s", figure).isEqualTo(p90);
  }

  static void assertShare(JsonNode share, int cases, int within, double ratio) {
    assertThat(share.get("cases").asInt()).as("cases of %s", share).isEqualTo(cases);
    assertThat(share.get("withinTarget").asInt()).as("within target of %s", share).isEqualTo(within);
    assertThat(share.get("share").asDouble()).as("share of %s", share).isEqualTo(ratio);
  }

  /** GET as a member of staff ("user" or "user:password"; the demo password when none), or anonymously when null. */
  Answer get(String path, String login) {
    return (login == null ? staff.anonymous() : staff.as(login)).get(path);
  }
}
