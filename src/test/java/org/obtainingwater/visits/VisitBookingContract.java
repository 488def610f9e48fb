package org.obtainingwater.visits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.DESIGN_SUPPLY_SCHEME;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.INSTALL_METER;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.SURVEY_SITE;
import static org.obtainingwater.support.CaseDriver.local;
import static org.obtainingwater.support.TestCases.designed;
import static org.obtainingwater.support.TestCases.meterInstalled;
import static org.obtainingwater.support.TestCases.surveyed;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

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
import org.obtainingwater.support.AtOnce;
import org.obtainingwater.support.CaseDriver;
import org.obtainingwater.support.DefaultEngine;
import org.obtainingwater.support.SmsCodes;
import org.obtainingwater.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Visits booked by the customer (docs/adr/0042), over HTTP against the running application on the subclass's
 * database: a half-day within the window on working days, capacity that holds when two customers take the last
 * place at once, rescheduling by either side recorded, and a later choice made the customer's time: the task's due
 * date and its overdue timer move by it and the scorecard keeps it apart from the utility's time. The engine's clock
 * is set to weeks no other test uses, so the window and the slots' places are known.
 */
abstract class VisitBookingContract {

  static final String SURVEY_TIMER = "boundaryEvent_surveySiteOverdue";

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
    DefaultEngine.use(engine); // the surveyor's form goes through /engine-rest, which must find this context's engine
  }

  @AfterEach
  void realClock() {
    ClockUtil.reset();
  }

  @Test
  void theCustomerBooksTheEarliestSlot_staffSeeItOnTheTaskCardAndReadOnlyInTheForm_whichCompletesWithoutIt_andTheTimelineShowsIt() {
    CaseDriver.clockAt("2026-07-06T09:00"); // a Monday
    String phone = SmsCodes.freshPhone("150");
    String number = channel.fileFor(phone);
    ProcessInstance instance = cases.instance(number);
    assertThat(offer(number, "survey", phone).json().get("bookable").asBoolean()).as("not before intake").isFalse();
    cases.toSurvey(instance);
    Task task = cases.task(instance, SURVEY_SITE);

    JsonNode offer = offer(number, "survey", phone).json();
    assertThat(offer.get("bookable").asBoolean()).isTrue();
    assertThat(offer.at("/earliest/label").asText()).as("2 hours' notice: the afternoon").isEqualTo("7月6日（周一）下午");
    assertThat(offer.get("slots")).hasSize(19).allSatisfy(slot -> assertThat(slot.get("free").asInt()).isEqualTo(4));
    assertThat(offer.get("slots")).extracting(slot -> slot.get("label").asText())
        .noneMatch(label -> label.contains("周六") || label.contains("周日")).contains("7月17日（周五）下午");
    assertThat(channel.send("GET", "/api/v1/applications/" + number, null, ApiClient.CONTACT_PHONE, phone).json()
        .get("bookableVisit").asText()).isEqualTo("survey");

    Answer booked = book(number, "survey", phone, "2026-07-06", "PM", null);
    assertThat(booked.status()).as(booked.body()).isEqualTo(200);
    assertThat(booked.json().at("/booking/label").asText()).isEqualTo("7月6日（周一）下午");
    assertThat(booked.json().at("/booking/customerWorkingDays").asDouble()).isZero();
    assertThat(booked.json().get("changes")).hasSize(1);
    assertThat(booked.json().at("/slots/0/free").asInt()).as("its own place is not counted against it").isEqualTo(4);

    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "surveyVisit")).isEqualTo("7月6日（周一）下午");
    assertThat(engine.getTaskService().getVariableLocal(task.getId(), "cardVisit")).isEqualTo("7月6日（周一）下午");
    assertThat(engine.getFormService().getTaskFormVariables(task.getId()).getValue("surveyVisit", String.class))
        .isEqualTo("7月6日（周一）下午");
    assertThat(cases.task(instance, SURVEY_SITE).getDueDate()).as("the earliest slot is no customer time")
        .isEqualTo(task.getDueDate());
    JsonNode survey = channel.send("GET", "/api/v1/applications/" + number, null, ApiClient.CONTACT_PHONE, phone)
        .json().at("/timeline/2");
    assertThat(survey.get("stage").asText()).isEqualTo("SURVEY");
    assertThat(survey.get("visit").asText()).isEqualTo("预约上门查勘：7月6日（周一）下午");

    // In the survey form the visit is a disabled field: form-js submits no disabled field, and the staff door takes
    // only the fields a person fills in, so the form completes without it and a request writing it is refused.
    JsonNode visitField = formField("surveyVisit", task);
    assertThat(visitField.path("disabled").asBoolean()).as("read-only in the form").isTrue();
    assertThat(visitField.path("validate").isMissingNode()).as("no rule a missing visit could break").isTrue();
    Staff.Call surveyor = Staff.engineRest(port).as("wangqiang");
    assertThat(surveyor.post("/task/" + task.getId() + "/claim", Map.of("userId", "wangqiang")).status()).isEqualTo(204);
    Answer withVisit = surveyor.post("/task/" + task.getId() + "/submit-form", Map.of("variables",
        Map.of("surveyConclusion", Map.of("value", "notFeasible"), "infeasibilityReason", Map.of("value", "无市政管网"),
            "surveyVisit", Map.of("value", "7月7日（周二）上午"))));
    assertThat(withVisit.status()).as(withVisit.body()).isEqualTo(400);
    assertThat(withVisit.body()).contains("surveyVisit");
    Answer asTheFormSends = surveyor.post("/task/" + task.getId() + "/submit-form", Map.of("variables",
        Map.of("surveyConclusion", Map.of("value", "notFeasible"), "infeasibilityReason", Map.of("value", "无市政管网"))));
    assertThat(asTheFormSends.status()).as(asTheFormSends.body()).isEqualTo(204);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName("surveyVisit").singleResult().getValue()).as("staff wrote no visit").isEqualTo("7月6日（周一）下午");

    // staff see it on the card: the queues show cardVisit
    Answer filters = staff.as("wangqiang").get("/engine-rest/filter?resourceType=Task");
    assertThat(filters.body()).contains("cardVisit");
  }

  @Test
  void aLaterChoice_isTheCustomersTime_theDueDateAndTimerMoveByIt_andStaffMovingItDoNot() {
    CaseDriver.clockAt("2026-08-10T09:00"); // a Monday; the survey task is due at 13:30 (half a day)
    String phone = SmsCodes.freshPhone("151");
    String number = channel.fileFor(phone);
    ProcessInstance instance = cases.instance(number);
    cases.toSurvey(instance);
    Instant utilityDue = cases.task(instance, SURVEY_SITE).getDueDate().toInstant();
    assertThat(utilityDue).isEqualTo(local("2026-08-10T13:30"));
    assertThat(timerDue(instance)).isEqualTo(utilityDue);

    // Wednesday morning when Monday afternoon was offered: 3 half-days, 1.5 working days of the customer's
    Answer later = book(number, "survey", phone, "2026-08-12", "AM", null);
    assertThat(later.status()).as(later.body()).isEqualTo(200);
    assertThat(later.json().at("/booking/customerWorkingDays").asDouble()).isEqualTo(1.5);
    assertThat(cases.task(instance, SURVEY_SITE).getDueDate().toInstant()).isEqualTo(local("2026-08-12T09:00"))
        .isEqualTo(calendar.add(utilityDue, Duration.ofMinutes(810)));
    assertThat(timerDue(instance)).isEqualTo(local("2026-08-12T09:00"));

    // the customer moves it to Tuesday afternoon: 2 half-days from the earliest offered at the first booking
    Answer sooner = book(number, "survey", phone, "2026-08-11", "PM", "提前办完");
    assertThat(sooner.json().at("/booking/customerWorkingDays").asDouble()).isEqualTo(1.0);
    assertThat(cases.task(instance, SURVEY_SITE).getDueDate().toInstant()).isEqualTo(local("2026-08-11T13:30"));
    assertThat(timerDue(instance)).isEqualTo(local("2026-08-11T13:30"));

    // the surveyor moves it to Tuesday morning: the utility's decision, the customer's time stays
    Answer moved = staff.as("wangqiang").post("/api/v1/staff/visits/" + number + "/survey",
        Map.of("date", "2026-08-11", "halfDay", "AM", "reason", "查勘员路线调整，已电话告知客户"));
    assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    assertThat(moved.json().at("/booking/label").asText()).isEqualTo("8月11日（周二）上午");
    assertThat(moved.json().at("/booking/customerWorkingDays").asDouble()).isEqualTo(1.0);
    assertThat(cases.task(instance, SURVEY_SITE).getDueDate().toInstant()).isEqualTo(local("2026-08-11T13:30"));
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "surveyVisit")).isEqualTo("8月11日（周二）上午");

    List<Map<String, Object>> changes = jdbc.queryForList("SELECT changed_by_role, changed_by, from_date, from_half_day, "
        + "to_date, to_half_day, reason FROM visit_booking_change WHERE application_number = ? ORDER BY id", number);
    assertThat(changes).extracting(row -> row.get("changed_by_role") + " " + row.get("changed_by") + " "
        + row.get("from_date") + row.get("from_half_day") + "→" + row.get("to_date") + row.get("to_half_day") + " "
        + row.get("reason")).containsExactly(
            "CUSTOMER " + phone + " nullnull→2026-08-12AM null",
            "CUSTOMER " + phone + " 2026-08-12AM→2026-08-11PM 提前办完",
            "STAFF wangqiang 2026-08-11PM→2026-08-11AM 查勘员路线调整，已电话告知客户");
    assertThat(jdbc.queryForObject("SELECT working_minutes FROM customer_time WHERE application_number = ? "
        + "AND stage = 'SURVEY'", Integer.class, number)).isEqualTo(540);

    // the survey took 1.2 working days, 1.0 of them the customer's: within its half-day on the utility's time
    cases.completeAt(instance, "2026-08-11T11:00", SURVEY_SITE, surveyed(0, false, false));
    cases.completeAt(instance, "2026-08-11T11:30", DESIGN_SUPPLY_SCHEME, designed(50, 50, 8_000));
    cases.completeAt(instance, "2026-08-11T12:00", INSTALL_METER, meterInstalled(50));
    JsonNode card = staff.as("wulei").get("/api/scorecard/cases?from=2026-08-10&to=2026-08-14&size=50").json();
    JsonNode scored = find(card.get("cases"), number);
    assertThat(scored.get("customerWorkingDays").asDouble()).isEqualTo(1.0);
    assertThat(scored.get("workingDays").asDouble()).isEqualTo(1.33);
    assertThat(scored.get("utilityWorkingDays").asDouble()).isEqualTo(0.33);
    assertThat(scored.get("withinCaseTarget").asBoolean()).isTrue();
    JsonNode surveyStage = find(scored.get("stages"), "SURVEY");
    assertThat(surveyStage.get("workingDays").asDouble()).isEqualTo(0.22);
    assertThat(surveyStage.get("withinTarget").asBoolean()).isTrue();
    JsonNode summary = staff.as("wulei").get("/api/scorecard?from=2026-08-10&to=2026-08-14").json();
    assertThat(summary.at("/customerWorkingDays/max").asDouble()).isEqualTo(1.0);
  }

  @Test
  void badSlots_are400WithAChineseReason_anotherPhonesCaseIs404_andTheWrongStage409() {
    CaseDriver.clockAt("2026-08-17T09:00");
    String phone = SmsCodes.freshPhone("152");
    String number = channel.fileFor(phone);
    ProcessInstance instance = cases.instance(number);
    cases.toSurvey(instance);

    assertRefused(book(number, "survey", phone, "2026-08-22", "AM", null), 400, "date", "不是工作日");
    assertRefused(book(number, "survey", phone, "2026-10-01", "AM", null), 400, "date", "不是工作日");
    assertRefused(book(number, "survey", phone, "2026-09-30", "AM", null), 400, "date", "只能预约 8月17日（周一）下午 至 8月28日（周五）下午");
    assertRefused(book(number, "survey", phone, "2026-08-17", "AM", null), 400, "date", "只能预约");
    assertRefused(book(number, "survey", phone, "2026-08-18", "EVENING", null), 400, "halfDay", "AM（上午）或 PM（下午）");
    assertRefused(book(number, "survey", phone, "2026-02-30", "AM", null), 400, "date", "没有这一天");
    assertRefused(staff.as("wulei").post("/api/v1/staff/visits/" + number + "/survey",
        Map.of("date", "2026-08-18", "halfDay", "AM")), 400, "reason", "须写明原因");
    assertThat(book(number, "repair", phone, "2026-08-18", "AM", null).status()).isEqualTo(400);

    String stranger = SmsCodes.freshPhone("153");
    Answer notTheirs = book(number, "survey", stranger, "2026-08-18", "AM", null);
    assertThat(notTheirs.status()).as(notTheirs.body()).isEqualTo(404);
    assertThat(notTheirs.json().get("detail").asText()).contains("没有找到编号为 " + number);
    assertThat(offer(number, "survey", stranger).status()).isEqualTo(404);
    assertThat(staff.as("zhaomin").post("/api/v1/staff/visits/" + number + "/survey",
        Map.of("date", "2026-08-18", "halfDay", "AM", "reason", "试试")).status()).as("design is not a door of visits")
        .isEqualTo(403);

    Answer tooEarly = book(number, "metering", phone, "2026-08-18", "AM", null);
    assertThat(tooEarly.status()).as(tooEarly.body()).isEqualTo(409);
    assertThat(tooEarly.json().get("detail").asText()).contains("现在不能预约上门装表").contains("现场查勘");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM visit_booking WHERE application_number = ?", Integer.class,
        number)).isZero();

    cases.complete(instance, SURVEY_SITE, surveyed(0, false, false));
    Answer tooLate = book(number, "survey", phone, "2026-08-18", "AM", null);
    assertThat(tooLate.status()).as(tooLate.body()).isEqualTo(409);
    assertThat(tooLate.json().get("detail").asText()).contains("该环节已过");
  }

  @Test
  void staffMovingAVisit_tellsTheCustomerBySmsThroughTheOutbox_withoutTheirReason_theCustomersOwnChangesDoNot() {
    CaseDriver.clockAt("2026-09-14T09:00"); // a Monday
    String phone = SmsCodes.freshPhone("156");
    String number = channel.fileFor(phone);
    ProcessInstance instance = cases.instance(number);
    cases.toSurvey(instance);

    assertThat(book(number, "survey", phone, "2026-09-14", "PM", null).status()).isEqualTo(200);
    assertThat(book(number, "survey", phone, "2026-09-15", "AM", "改天方便").status()).isEqualTo(200);
    assertThat(visitNotices(number)).as("the customer's own booking and change: they know").isEmpty();

    Answer moved = staff.as("wangqiang").post("/api/v1/staff/visits/" + number + "/survey",
        Map.of("date", "2026-09-16", "halfDay", "PM", "reason", "查勘车辆检修，已电话与客户商定"));
    assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    Answer again = staff.as("wangqiang").post("/api/v1/staff/visits/" + number + "/survey",
        Map.of("date", "2026-09-16", "halfDay", "PM", "reason", "再次确认"));
    assertThat(again.status()).as(again.body()).isEqualTo(200);

    List<Notice> notices = visitNotices(number);
    assertThat(notices).as("one SMS for the one change; the same slot again changes and sends nothing").hasSize(1);
    Notice notice = notices.get(0);
    assertThat(notice.phone()).isEqualTo(phone);
    assertThat(notice.text()).startsWith("【供水服务】").contains(number, "上门查勘", "已改为 9月16日（周三）下午")
        .doesNotContain("检修", "商定，");
    assertThat(notice.params()).containsExactlyInAnyOrderEntriesOf(
        Map.of("number", number, "visit", "上门查勘", "slot", "9月16日（周三）下午"));
    assertThat(outbox.messagesContaining("查勘车辆检修")).as("staff's reason never leaves").isZero();

    // a refused move (no reason) sends nothing either
    assertThat(staff.as("wangqiang").post("/api/v1/staff/visits/" + number + "/survey",
        Map.of("date", "2026-09-17", "halfDay", "AM")).status()).isEqualTo(400);
    assertThat(visitNotices(number)).hasSize(1);
  }

  private List<Notice> visitNotices(String number) {
    return outbox.noticesFor(number).stream().filter(notice -> notice.type() == NoticeType.VISIT_RESCHEDULED).toList();
  }

  @Test
  void twoCustomersTakingTheLastPlaceAtOnce_exactlyOneGetsIt_andAFullSlotIs409() throws Exception {
    CaseDriver.clockAt("2026-08-24T09:00"); // Monday afternoon takes 4 survey visits
    List<String> phones = new ArrayList<>();
    List<String> numbers = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String phone = SmsCodes.freshPhone("154");
      String number = channel.fileFor(phone);
      cases.toSurvey(cases.instance(number));
      phones.add(phone);
      numbers.add(number);
    }
    for (int i = 0; i < 3; i++) {
      assertThat(book(numbers.get(i), "survey", phones.get(i), "2026-08-24", "PM", null).status()).isEqualTo(200);
    }
    assertThat(offer(numbers.get(3), "survey", phones.get(3)).json().at("/slots/0/free").asInt()).isEqualTo(1);

    List<Answer> answers = AtOnce.run(race(numbers.get(3), phones.get(3)), race(numbers.get(4), phones.get(4)));

    assertThat(answers).extracting(Answer::status).as(answers.toString()).containsExactlyInAnyOrder(200, 409);
    Answer loser = answers.stream().filter(answer -> answer.status() == 409).findFirst().orElseThrow();
    assertThat(loser.json().get("detail").asText()).isEqualTo("8月24日（周一）下午的上门查勘名额已约满，请选择其他时段");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM visit_booking WHERE visit_kind = 'SURVEY' AND visit_date = ? "
        + "AND half_day = 'PM'", Integer.class, java.sql.Date.valueOf("2026-08-24"))).isEqualTo(4);
    String waiting = answers.get(0).status() == 409 ? numbers.get(3) : numbers.get(4);
    String waitingPhone = waiting.equals(numbers.get(3)) ? phones.get(3) : phones.get(4);
    JsonNode offer = offer(waiting, "survey", waitingPhone).json();
    assertThat(offer.at("/slots/0/free").asInt()).isZero();
    assertThat(offer.at("/earliest/label").asText()).as("the earliest offered is now the next free half-day")
        .isEqualTo("8月25日（周二）上午");

  }

  private JsonNode formField(String key, Task task) {
    try (var form = engine.getFormService().getDeployedTaskForm(task.getId())) {
      for (JsonNode field : new com.fasterxml.jackson.databind.ObjectMapper().readTree(form).get("components")) {
        if (key.equals(field.path("key").asText())) {
          return field;
        }
      }
      throw new AssertionError("the survey form has no field " + key);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void theMeterVisit_isBookedOnceTheCaseIsReadyForMetering_andTheMeteringFormShowsIt() {
    CaseDriver.clockAt("2026-08-31T09:00");
    String phone = SmsCodes.freshPhone("155");
    String number = channel.fileFor(phone);
    ProcessInstance instance = cases.instance(number);
    cases.toMetering(instance);
    Task task = cases.task(instance, INSTALL_METER);
    assertThat(offer(number, "survey", phone).json().get("reason").asText()).contains("该环节已过");

    Answer booked = book(number, "metering", phone, "2026-09-01", "PM", null);
    assertThat(booked.status()).as(booked.body()).isEqualTo(200);
    assertThat(booked.json().at("/booking/customerWorkingDays").asDouble()).as("Mon PM, Tue AM").isEqualTo(1.0);
    assertThat(engine.getFormService().getTaskFormVariables(task.getId()).getValue("meterVisit", String.class))
        .isEqualTo("9月1日（周二）下午");
    assertThat(formField("meterVisit", task).path("disabled").asBoolean()).as("read-only in the metering form")
        .isTrue();
    assertThat(engine.getTaskService().getVariableLocal(task.getId(), "cardVisit")).isEqualTo("9月1日（周二）下午");
    assertThat(cases.task(instance, INSTALL_METER).getDueDate().toInstant())
        .isEqualTo(calendar.add(task.getDueDate().toInstant(), Duration.ofMinutes(540)));
    JsonNode timeline = channel.send("GET", "/api/v1/applications/" + number, null, ApiClient.CONTACT_PHONE, phone)
        .json().get("timeline");
    assertThat(find(timeline, "METERING").get("visit").asText()).isEqualTo("预约上门装表：9月1日（周二）下午");
  }

  private Callable<Answer> race(String number, String phone) {
    return () -> book(number, "survey", phone, "2026-08-24", "PM", null);
  }

  private Answer offer(String number, String kind, String phone) {
    return channel.send("GET", "/api/v1/applications/" + number + "/visits/" + kind, null, ApiClient.CONTACT_PHONE, phone);
  }

  private Answer book(String number, String kind, String phone, String date, String halfDay, String reason) {
    return channel.postJson("/api/v1/applications/" + number + "/visits/" + kind, "{\"date\":\"" + date
        + "\",\"halfDay\":\"" + halfDay + "\"" + (reason == null ? "" : ",\"reason\":\"" + reason + "\"") + "}",
        ApiClient.CONTACT_PHONE, phone);
  }

  private Instant timerDue(ProcessInstance instance) {
    return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).activityId(SURVEY_TIMER)
        .singleResult().getDuedate().toInstant();
  }

  private static JsonNode find(JsonNode array, String value) {
    for (JsonNode element : array) {
      if (element.toString().contains("\"" + value + "\"")) {
        return element;
      }
    }
    throw new AssertionError(value + " not in " + array);
  }

  private static void assertRefused(Answer answer, int status, String field, String reason) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    assertThat(answer.json().get("errors")).as(answer.body()).anySatisfy(error -> {
      assertThat(error.get("field").asText()).isEqualTo(field);
      assertThat(error.get("message").asText()).contains(reason);
    });
  }
}
