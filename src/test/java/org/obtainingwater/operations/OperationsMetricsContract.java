package org.obtainingwater.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.BUILD_EXTERNAL_PIPELINE;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.DESIGN_SUPPLY_SCHEME;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.RECORD_ROAD_PERMIT_DECISION;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.REVIEW_APPLICATION;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.SURVEY_SITE;
import static org.obtainingwater.support.TestCases.accepted;
import static org.obtainingwater.support.TestCases.application;
import static org.obtainingwater.support.TestCases.designed;
import static org.obtainingwater.support.TestCases.rejected;
import static org.obtainingwater.support.TestCases.surveyed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.obtainingwater.notification.OutboxDispatcher;
import org.obtainingwater.permits.PermitKind;
import org.obtainingwater.process.ObtainingWaterProcess;
import org.obtainingwater.support.Answer;
import org.obtainingwater.support.ApiClient;
import org.obtainingwater.support.CaseDriver;
import org.obtainingwater.support.Prometheus;
import org.obtainingwater.support.SmsGatewaySwitch;
import org.obtainingwater.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The operations dashboard's meters on {@code /actuator/prometheus} after a scripted set of cases, in a context
 * of its own (a fresh database, so every figure is the script's): five cases filed (four by hotline through the
 * engine, one through the customer API's app channel), one rejected at intake, two left at intake until they are
 * overdue, one taken to its road permit, one whose short works needed only a road filing (备案, on to construction
 * with the filing undecided and not pending), all past their due dates two days later; the six notices this makes
 * wait in the outbox, then all fail with the gateway down, which raises an incident on each of the four running cases. Run on H2 and on PostgreSQL, where
 * the gauges read the engine's and the application's tables.
 */
abstract class OperationsMetricsContract {

  static final Path DASHBOARD = Path.of("docs/operations/grafana-dashboard.json");

  /** One attempt per notice: the gateway being down makes every pending notice FAILED at once. */
  static final String ONE_ATTEMPT = "obtaining-water.outbox.max-attempts=1";

  @Autowired
  ProcessEngine engine;
  @Autowired
  OutboxDispatcher outbox;
  @Autowired
  SmsGatewaySwitch sms;
  @LocalServerPort
  int port;
  @Autowired
  JdbcTemplate jdbc;

  @AfterEach
  void resetClockAndGateway() {
    ClockUtil.reset();
    sms.up();
  }

  Prometheus scrape() {
    Answer answer = Staff.app(port).as("admin").get("/actuator/prometheus");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return Prometheus.parse(answer.body());
  }

  @Test
  void everyMeterOfTheDashboard_hasTheScriptsValue() throws IOException {
    CaseDriver cases = new CaseDriver(engine);
    CaseDriver.clockAt("2026-09-01T09:00"); // Tuesday
    ProcessInstance rejectedCase = cases.apply(application());
    cases.complete(rejectedCase, REVIEW_APPLICATION, rejected("用水地址不在供水范围内"));
    cases.apply(application()); // left at intake
    Answer filed = new ApiClient(port).apply(ApiClient.application(), "metrics-app-channel");
    assertThat(filed.status()).as(filed.body()).isEqualTo(201);
    cases.executeJobs(engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(ObtainingWaterProcess.PROCESS_KEY)
        .processInstanceBusinessKey(filed.json().get("applicationNumber").asText()).singleResult());
    ProcessInstance permitCase = cases.apply(application());
    cases.complete(permitCase, REVIEW_APPLICATION, accepted());
    cases.complete(permitCase, SURVEY_SITE, surveyed(180, true, false));
    cases.complete(permitCase, DESIGN_SUPPLY_SCHEME, designed(80, 50, 26_000));
    cases.platformSilent(permitCase, PermitKind.ROAD); // the agent's task opens: the platform has not decided
    cases.task(permitCase, RECORD_ROAD_PERMIT_DECISION);
    ProcessInstance filingCase = cases.apply(application()); // 120 m along a road: a filing only (docs/adr/0041)
    cases.complete(filingCase, REVIEW_APPLICATION, accepted());
    cases.complete(filingCase, SURVEY_SITE, surveyed(120, true, false));
    cases.complete(filingCase, DESIGN_SUPPLY_SCHEME, designed(80, 50, 26_000));
    cases.task(filingCase, BUILD_EXTERNAL_PIPELINE);
    assertThat(jdbc.queryForList("SELECT permit_procedure FROM permit_filing WHERE permit_kind = 'road' "
        + "AND decision IS NULL ORDER BY application_number", String.class))
        .as("two road filings without a decision: the permit case's and the filing-only one").hasSize(2)
        .containsOnlyOnce("filing");
    ProcessInstance connected = cases.apply(application()); // water on, the contract waits for the customer
    cases.toWaterOn(connected);

    Prometheus before = scrape();
    assertThat(before.value("ow_cases_started_total", "channel", "hotline")).isEqualTo(5);
    assertThat(before.value("ow_cases_started_total", "channel", "app")).isEqualTo(1);
    assertThat(before.value("ow_cases_started_total", "channel", "wechat")).isZero();
    assertThat(before.value("ow_cases_finished_total", "outcome", "rejected")).isEqualTo(1);
    assertThat(before.value("ow_cases_finished_total", "outcome", "water_connected")).isZero();
    assertThat(before.value("ow_open_tasks", "stage", "intake")).isEqualTo(2);
    assertThat(before.value("ow_open_tasks", "stage", "permits")).isEqualTo(1);
    assertThat(before.value("ow_open_tasks", "stage", "survey")).isZero();
    assertThat(before.value("ow_open_tasks", "stage", "construction")).as("the filing-only case went on").isEqualTo(1);
    assertThat(before.value("ow_overdue_tasks", "stage", "intake")).as("not yet due").isZero();
    assertThat(before.value("ow_permit_filings_pending", "kind", "road"))
        .as("the permit awaiting its decision; the filing (备案) awaits none").isEqualTo(1);
    assertThat(before.value("ow_permit_filings_pending", "kind", "greenery")).isZero();
    assertThat(before.value("ow_outbox_pending")).as("six receipts, one rejection and one water-on").isEqualTo(8);
    assertThat(before.value("ow_contracts_unsigned")).as("the connected case's contract, not yet signed").isEqualTo(1);
    assertThat(before.value("ow_outbox_failed_total")).isZero();
    assertThat(before.value("ow_incidents_open")).isZero();
    assertThat(before.has("http_server_requests_seconds_count")).as("Boot's HTTP server metrics").isTrue();

    sms.down();
    assertThat(outbox.dispatchDue()).isZero();
    CaseDriver.clockAt("2026-09-03T12:00"); // intake and the permit's decision were due one working day after 09:00

    Prometheus after = scrape();
    assertThat(after.value("ow_outbox_pending")).isZero();
    assertThat(after.value("ow_outbox_failed_total")).isEqualTo(8);
    assertThat(after.value("ow_incidents_open")).as("one per given-up notice of a running case (the connected case has two)")
        .isEqualTo(6);
    assertThat(after.value("ow_overdue_tasks", "stage", "intake")).isEqualTo(2);
    assertThat(after.value("ow_overdue_tasks", "stage", "permits")).isEqualTo(1);
    assertThat(after.value("ow_overdue_tasks", "stage", "survey")).isZero();

    Matcher used = Pattern.compile("\\b(ow_[a-z_]+|http_server_[a-z_]+)").matcher(Files.readString(DASHBOARD));
    int meters = 0;
    while (used.find()) {
      assertThat(after.has(used.group(1))).as("the dashboard's %s is served", used.group(1)).isTrue();
      meters++;
    }
    assertThat(meters).as("meters the dashboard uses").isGreaterThanOrEqualTo(8);
  }
}
