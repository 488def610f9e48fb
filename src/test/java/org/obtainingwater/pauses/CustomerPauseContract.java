package org.obtainingwater.pauses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.AWAIT_METER_READINESS;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.AWAIT_SURVEY_READINESS;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.DESIGN_SUPPLY_SCHEME;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.INSTALL_METER;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.REVIEW_APPLICATION;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.SURVEY_SITE;
import static org.obtainingwater.support.CaseDriver.local;
import static org.obtainingwater.support.JsonArrays.withField;
import static org.obtainingwater.support.TestCases.accepted;
import static org.obtainingwater.support.TestCases.awaitingCustomer;
import static org.obtainingwater.support.TestCases.designed;
import static org.obtainingwater.support.TestCases.meterInstalled;
import static org.obtainingwater.support.TestCases.surveyed;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.obtainingwater.notification.Notice;
import org.obtainingwater.notification.NoticeType;
import org.obtainingwater.notification.NotificationOutbox;
import org.obtainingwater.sla.WorkingCalendar;
import org.obtainingwater.support.Answer;
import org.obtainingwater.support.ApiClient;
import org.obtainingwater.support.CaseDriver;
import org.obtainingwater.support.DefaultEngine;
import org.obtainingwater.support.SmsCodes;
import org.obtainingwater.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The clock stops for the customer (等待客户条件具备, issue 16 item 4, docs/adr/0045), over HTTP against the running
 * application on the subclass's database: staff pause in their form with a reason (none: 400 naming the field), the
 * customer sees why and says "ready" on the page, or staff resume in Tasklist; the task created again is due at the
 * first task's due date plus the paused working time, its overdue timer too, and the scorecard keeps the pause apart
 * as the customer's time. The engine's clock is set to weeks no other test uses.
 */
abstract class CustomerPauseContract {

  static final String SURVEY_TIMER = "boundaryEvent_surveySiteOverdue";
  static final String METER_TIMER = "boundaryEvent_installMeterOverdue";

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  WorkingCalendar calendar;
  @Autowired
  NotificationOutbox outbox;

  ApiClient channel;
  CaseDriver cases;
  Staff staff;

  @BeforeEach
  void connect() {
    channel = new ApiClient(port);
    cases = new CaseDriver(engine);
    staff = Staff.app(port);
    DefaultEngine.use(engine); // the staff's forms go through /engine-rest, which must find this context's engine
  }

  @AfterEach
  void realClock() {
    ClockUtil.reset();
  }

  @Test
  void aPauseWithoutAReason_is400NamingIt_withOne_theSurveyWaitsForTheCustomer_whoSeesWhyAndIsToldBySms() {
    CaseDriver.clockAt("2026-05-11T09:00"); // a Monday
    String phone = SmsCodes.freshPhone("156");
    String number = channel.fileFor(phone);
    ProcessInstance instance = cases.instance(number);
    cases.toSurvey(instance);
    Task survey = cases.task(instance, SURVEY_SITE);
    Staff.Call surveyor = Staff.engineRest(port).as("wangqiang");
    assertThat(surveyor.post("/task/" + survey.getId() + "/claim", Map.of("userId", "wangqiang")).status()).isEqualTo(204);

    Answer noReason = surveyor.post("/task/" + survey.getId() + "/submit-form",
        Map.of("variables", Map.of("awaitingCustomer", Map.of("value", true))));
    assertThat(noReason.status()).as(noReason.body()).isEqualTo(400);
    assertThat(noReason.body()).contains("pauseReason").contains("请选择暂停原因").doesNotContain("surveyConclusion");
    Answer unknownReason = surveyor.post("/task/" + survey.getId() + "/submit-form", Map.of("variables",
        Map.of("awaitingCustomer", Map.of("value", true), "pauseReason", Map.of("value", "weather"))));
    assertThat(unknownReason.status()).as(unknownReason.body()).isEqualTo(400);
    assertThat(unknownReason.body()).contains("pauseReason");
    assertThat(cases.task(instance, SURVEY_SITE).getId()).as("still the survey").isEqualTo(survey.getId());

    CaseDriver.clockAt("2026-05-11T10:00");
    Answer paused = surveyor.post("/task/" + survey.getId() + "/submit-form", Map.of("variables",
        Map.of("awaitingCustomer", Map.of("value", true), "pauseReason", Map.of("value", "siteNotReady"),
            "pauseRemark", Map.of("value", "工地围挡未拆，无法进场"))));
    assertThat(paused.status()).as(paused.body()).isEqualTo(204);
    Task wait = cases.task(instance, AWAIT_SURVEY_READINESS);
    assertThat(wait.getDueDate()).as("the customer's time: nothing is due").isNull();
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers().count())
        .as("and nothing escalates").isZero();
    assertThat(engine.getTaskService().createTaskQuery().taskId(wait.getId()).taskCandidateGroup("survey").count())
        .as("in the surveyors' queue").isEqualTo(1);

    JsonNode status = channel.status(number, phone).json();
    assertThat(status.get("stage").asText()).isEqualTo("SURVEY");
    assertThat(status.at("/pause/stage").asText()).isEqualTo("SURVEY");
    assertThat(status.at("/pause/reason").asText()).isEqualTo("siteNotReady");
    assertThat(status.at("/pause/reasonLabel").asText()).isEqualTo("现场条件不具备");
    assertThat(status.get("nextStep").asText()).contains("条件已具备，请继续办理");
    assertThat(status.get("bookableVisit").isNull()).as("no visit to book while paused").isTrue();

    List<Notice> notices = outbox.noticesFor(number).stream().filter(notice -> notice.type() == NoticeType.CASE_PAUSED)
        .toList();
    assertThat(notices).hasSize(1);
    assertThat(notices.get(0).phone()).isEqualTo(phone);
    assertThat(notices.get(0).text()).startsWith("【供水服务】").contains(number, "现场查勘", "现场条件不具备",
        "条件已具备，请继续办理").doesNotContain("围挡");
    assertThat(outbox.messagesContaining("工地围挡")).as("staff's remark never leaves").isZero();
  }

  @Test
  void theCustomerSaysReady_onThePage_theSurveyIsBack_dueAtItsFirstDueDatePlusThePause_andItsTimerToo() {
    CaseDriver.clockAt("2026-05-18T09:00"); // a Monday; the survey is due at 13:30 (half an office day)
    String phone = SmsCodes.freshPhone("157");
    String number = channel.fileFor(phone);
    ProcessInstance instance = cases.instance(number);
    cases.toSurvey(instance);
    Instant utilityDue = cases.task(instance, SURVEY_SITE).getDueDate().toInstant();
    assertThat(utilityDue).isEqualTo(local("2026-05-18T13:30"));

    Answer notPaused = channel.ready(number, phone);
    assertThat(notPaused.status()).as(notPaused.body()).isEqualTo(409);
    assertThat(notPaused.json().get("detail").asText()).contains("没有暂停");

    cases.completeAt(instance, "2026-05-18T10:00", SURVEY_SITE, awaitingCustomer("customerPostponed"));
    String stranger = SmsCodes.freshPhone("158");
    Answer notTheirs = channel.ready(number, stranger);
    assertThat(notTheirs.status()).as(notTheirs.body()).isEqualTo(404);
    cases.task(instance, AWAIT_SURVEY_READINESS);

    // two working days and a half later (Wednesday 14:00; 10:00 Monday to 14:00 Wednesday is 2 days and 4 hours)
    CaseDriver.clockAt("2026-05-20T14:00");
    Answer ready = channel.ready(number, phone);
    assertThat(ready.status()).as(ready.body()).isEqualTo(200);
    assertThat(ready.json().get("pause").isNull()).isTrue();
    assertThat(ready.json().get("bookableVisit").asText()).as("the visit can be booked again").isEqualTo("survey");
    Duration paused = calendar.officeDay().multipliedBy(2).plusHours(4);
    assertThat(jdbc.queryForObject("SELECT working_minutes FROM customer_time WHERE application_number = ? "
        + "AND cause = 'PAUSE_SURVEY_1'", Integer.class, number)).isEqualTo((int) paused.toMinutes());
    Task again = cases.task(instance, SURVEY_SITE);
    Instant due = calendar.add(utilityDue, paused);
    assertThat(again.getDueDate().toInstant()).as("not a fresh half day from now").isEqualTo(due)
        .isBefore(local("2026-05-21T09:00"));
    assertThat(cases.timer(instance, SURVEY_TIMER).getDuedate().toInstant()).isEqualTo(due);
    assertThat(channel.ready(number, phone).status()).as("once resumed, not paused").isEqualTo(409);

    // a second pause of the same stage is a cause of its own, counted from the same first due date
    cases.completeAt(instance, "2026-05-20T15:00", SURVEY_SITE, awaitingCustomer("customerUnreachable"));
    CaseDriver.clockAt("2026-05-21T15:00");
    assertThat(channel.ready(number, phone).status()).isEqualTo(200);
    Instant dueAfterTwo = calendar.add(utilityDue, paused.plus(calendar.officeDay()));
    assertThat(cases.task(instance, SURVEY_SITE).getDueDate().toInstant()).isEqualTo(dueAfterTwo);
    assertThat(cases.timer(instance, SURVEY_TIMER).getDuedate().toInstant()).isEqualTo(dueAfterTwo);
    assertThat(jdbc.queryForList("SELECT cause FROM customer_time WHERE application_number = ? ORDER BY cause",
        String.class, number)).containsExactly("PAUSE_SURVEY_1", "PAUSE_SURVEY_2");
  }

  @Test
  void staffResumeInTasklist_withANote_andTheSurveyIsBackInTheirQueue() {
    CaseDriver.clockAt("2026-05-25T09:00"); // a Monday
    String phone = SmsCodes.freshPhone("159");
    String number = channel.fileFor(phone);
    ProcessInstance instance = cases.instance(number);
    cases.toSurvey(instance);
    cases.completeAt(instance, "2026-05-25T09:30", SURVEY_SITE, awaitingCustomer("siteNotReady"));
    Task wait = cases.task(instance, AWAIT_SURVEY_READINESS);

    CaseDriver.clockAt("2026-05-26T09:30");
    Staff.Call surveyor = Staff.engineRest(port).as("wangqiang");
    assertThat(surveyor.post("/task/" + wait.getId() + "/claim", Map.of("userId", "wangqiang")).status()).isEqualTo(204);
    Answer tooLong = surveyor.post("/task/" + wait.getId() + "/submit-form",
        Map.of("variables", Map.of("resumeNote", Map.of("value", "长".repeat(501)))));
    assertThat(tooLong.status()).as(tooLong.body()).isEqualTo(400);
    assertThat(tooLong.body()).contains("resumeNote");
    Answer resumed = surveyor.post("/task/" + wait.getId() + "/submit-form",
        Map.of("variables", Map.of("resumeNote", Map.of("value", "已电话确认围挡已拆除"))));
    assertThat(resumed.status()).as(resumed.body()).isEqualTo(204);

    Task again = cases.task(instance, SURVEY_SITE);
    assertThat(engine.getTaskService().createTaskQuery().taskId(again.getId()).taskCandidateGroup("survey").count())
        .isEqualTo(1);
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "awaitingCustomer"))
        .as("the form opens unticked").isEqualTo(false);
    assertThat(channel.status(number, phone).json().get("pause").isNull()).isTrue();
    assertThat(jdbc.queryForObject("SELECT working_minutes FROM customer_time WHERE application_number = ? "
        + "AND cause = 'PAUSE_SURVEY_1'", Integer.class, number)).isEqualTo((int) calendar.officeDay().toMinutes());
    cases.completeAt(instance, "2026-05-26T10:00", SURVEY_SITE, surveyed(0, false, false));
    cases.task(instance, DESIGN_SUPPLY_SCHEME);
  }

  @Test
  void aVisitBookedLater_thenPaused_keepsItsTime_andTheNextBookingCountsFromTheEarliestOfferedAfterThePause() {
    CaseDriver.clockAt("2026-06-22T09:00"); // a Monday; the earliest survey slot is this afternoon
    String phone = SmsCodes.freshPhone("161");
    String number = channel.fileFor(phone);
    ProcessInstance instance = cases.instance(number);
    cases.toSurvey(instance);
    Instant utilityDue = cases.task(instance, SURVEY_SITE).getDueDate().toInstant();
    Answer later = channel.postJson("/api/v1/applications/" + number + "/visits/survey",
        "{\"date\":\"2026-06-24\",\"halfDay\":\"AM\"}", ApiClient.CONTACT_PHONE, phone);
    assertThat(later.status()).as(later.body()).isEqualTo(200);
    assertThat(later.json().at("/booking/customerWorkingDays").asDouble()).isEqualTo(1.5);

    // the surveyor comes on Wednesday morning; the customer is not ready; a working day later the customer is
    cases.completeAt(instance, "2026-06-24T10:00", SURVEY_SITE, awaitingCustomer("siteNotReady"));
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "surveyVisit")).as("the visit is spent").isNull();
    CaseDriver.clockAt("2026-06-25T10:00");
    assertThat(channel.ready(number, phone).status()).isEqualTo(200);
    JsonNode offer = channel.send("GET", "/api/v1/applications/" + number + "/visits/survey", null,
        ApiClient.CONTACT_PHONE, phone).json();
    assertThat(offer.get("bookable").asBoolean()).isTrue();
    assertThat(offer.get("booking").isNull()).as("a first booking again").isTrue();
    Answer again = channel.postJson("/api/v1/applications/" + number + "/visits/survey",
        "{\"date\":\"2026-06-25\",\"halfDay\":\"PM\"}", ApiClient.CONTACT_PHONE, phone);
    assertThat(again.status()).as(again.body()).isEqualTo(200);
    assertThat(again.json().at("/booking/customerWorkingDays").asDouble())
        .as("the stage's customer time: 1.5 chosen later before the pause, 1 paused, none for the earliest slot now")
        .isEqualTo(2.5);

    assertThat(jdbc.queryForList("SELECT cause || '=' || working_minutes FROM customer_time WHERE application_number = ? "
        + "ORDER BY cause", String.class, number)).containsExactly("BOOKED_LATER_SURVEY=0",
            "BOOKED_LATER_SURVEY_BEFORE_PAUSE_1=810", "PAUSE_SURVEY_1=" + calendar.officeDay().toMinutes());
    Instant due = calendar.add(utilityDue, Duration.ofMinutes(810).plus(calendar.officeDay()));
    assertThat(cases.task(instance, SURVEY_SITE).getDueDate().toInstant()).isEqualTo(due);
    assertThat(cases.timer(instance, SURVEY_TIMER).getDuedate().toInstant()).isEqualTo(due);
  }

  /**
   * The test: a 10-working-day pause for the customer before metering. The meter stage and the case are
   * within their targets on the utility's time, and the scorecard reports the 10 days as the customer's.
   */
  @Test
  void aTenWorkingDayPauseBeforeMetering_meteringAndTheCaseAreWithinTheirTargets_theScorecardShowsTenCustomerDays() {
    CaseDriver.clockAt("2026-06-01T09:00"); // a Monday; no holiday before 6月19日
    String phone = SmsCodes.freshPhone("160");
    String number = channel.fileFor(phone);
    ProcessInstance instance = cases.instance(number);
    cases.executeJobs(instance);
    cases.completeAt(instance, "2026-06-01T09:30", REVIEW_APPLICATION, accepted());
    cases.completeAt(instance, "2026-06-01T10:00", SURVEY_SITE, surveyed(0, false, false));
    cases.completeAt(instance, "2026-06-01T10:30", DESIGN_SUPPLY_SCHEME, designed(50, 50, 8_000));
    Instant utilityDue = cases.task(instance, INSTALL_METER).getDueDate().toInstant();
    assertThat(utilityDue).isEqualTo(local("2026-06-02T10:30"));

    Staff.Call installer = Staff.engineRest(port).as("sunhao");
    Task meter = cases.task(instance, INSTALL_METER);
    assertThat(installer.post("/task/" + meter.getId() + "/claim", Map.of("userId", "sunhao")).status()).isEqualTo(204);
    CaseDriver.clockAt("2026-06-01T11:00");
    Answer noReason = installer.post("/task/" + meter.getId() + "/submit-form",
        Map.of("variables", Map.of("awaitingCustomer", Map.of("value", true))));
    assertThat(noReason.status()).as(noReason.body()).isEqualTo(400);
    assertThat(noReason.body()).contains("pauseReason").doesNotContain("meterSerialNumber");
    Answer paused = installer.post("/task/" + meter.getId() + "/submit-form", Map.of("variables",
        Map.of("awaitingCustomer", Map.of("value", true), "pauseReason", Map.of("value", "siteNotReady"))));
    assertThat(paused.status()).as(paused.body()).isEqualTo(204);
    cases.task(instance, AWAIT_METER_READINESS);
    assertThat(channel.status(number, phone).json().at("/pause/stageLabel").asText()).isEqualTo("装表通水");

    CaseDriver.clockAt("2026-06-15T11:00"); // ten working days later
    assertThat(channel.ready(number, phone).status()).isEqualTo(200);
    Instant due = local("2026-06-16T10:30");
    assertThat(cases.task(instance, INSTALL_METER).getDueDate().toInstant()).isEqualTo(due)
        .isEqualTo(calendar.add(utilityDue, calendar.officeDay().multipliedBy(10)));
    assertThat(cases.timer(instance, METER_TIMER).getDuedate().toInstant()).isEqualTo(due);
    cases.completeAt(instance, "2026-06-15T14:00", INSTALL_METER, meterInstalled(50));

    JsonNode card = staff.as("wulei").get("/api/scorecard/cases?from=2026-06-15&to=2026-06-19&size=50").json();
    JsonNode scored = withField(card.get("cases"), "applicationNumber", number);
    assertThat(scored.get("customerWorkingDays").asDouble()).isEqualTo(10.0);
    // 09:00 on the 1st to 14:00 on the 15th: ten office days and five hours, the ten the customer's
    assertThat(scored.get("utilityWorkingDays").asDouble()).isEqualTo(0.56);
    assertThat(scored.get("withinCaseTarget").asBoolean()).isTrue();
    JsonNode metering = withField(scored.get("stages"), "stage", "METERING");
    assertThat(metering.get("workingDays").asDouble()).as("10:30 to 14:00 of the utility's").isEqualTo(0.39);
    assertThat(metering.get("withinTarget").asBoolean()).isTrue();
    JsonNode summary = staff.as("wulei").get("/api/scorecard?from=2026-06-15&to=2026-06-19").json();
    assertThat(summary.at("/customerWorkingDays/max").asDouble()).isEqualTo(10.0);
  }
}
