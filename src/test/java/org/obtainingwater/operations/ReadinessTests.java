package org.obtainingwater.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.obtainingwater.support.Answer;
import org.obtainingwater.support.AppOnH2;
import org.obtainingwater.support.CaseDriver;
import org.obtainingwater.support.Staff;
import org.obtainingwater.support.WithJobExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Readiness as a load balancer reads it (anonymous {@code /actuator/health/readiness}): DOWN (503) while the job
 * executor is stopped or the working calendar ends within 60 days of the engine's today, UP (200) again when that
 * is over; liveness stays UP meanwhile (restarting would not help). The database outage is in
 * {@code faults.DatabaseOutageIT}. The calendar lists 2026 only, so the clock is set inside 2026's first ten months
 * where readiness is meant to be UP.
 */
@AppOnH2
@WithJobExecutor
class ReadinessTests {

  @Autowired
  ProcessEngine engine;
  @LocalServerPort
  int port;

  @AfterEach
  void resetClockAndExecutor() {
    ClockUtil.reset();
    JobExecutor executor = jobExecutor();
    if (!executor.isActive()) {
      executor.start();
    }
  }

  JobExecutor jobExecutor() {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
  }

  Answer probe(String which) {
    return Staff.app(port).anonymous().get("/actuator/health/" + which);
  }

  static String component(Answer health, String name) {
    return health.json().path("components").path(name).path("status").asText();
  }

  @Test
  void stoppedJobExecutor_makesReadinessDown_andStartingItAgainUp() {
    CaseDriver.clockAt("2026-09-01T09:00");
    Answer ready = probe("readiness");
    assertThat(ready.status()).as(ready.body()).isEqualTo(200);
    assertThat(component(ready, "jobExecutor")).isEqualTo("UP");

    jobExecutor().shutdown();
    Answer stopped = probe("readiness");
    assertThat(stopped.status()).as(stopped.body()).isEqualTo(503);
    assertThat(stopped.json().path("status").asText()).isEqualTo("DOWN");
    assertThat(component(stopped, "jobExecutor")).isEqualTo("DOWN");
    assertThat(component(stopped, "db")).isEqualTo("UP");
    assertThat(probe("liveness").status()).as("the process itself is alive").isEqualTo(200);

    jobExecutor().start();
    Answer again = probe("readiness");
    assertThat(again.status()).as(again.body()).isEqualTo(200);
  }

  @Test
  void calendarEndingWithinSixtyDays_makesReadinessDown_andCoveredAgainUp() {
    CaseDriver.clockAt("2026-11-15T09:00"); // 60 days later is 2027-01-14: the calendar has no 2027
    Answer ending = probe("readiness");
    assertThat(ending.status()).as(ending.body()).isEqualTo(503);
    assertThat(component(ending, "workingCalendar")).isEqualTo("DOWN");
    assertThat(component(ending, "jobExecutor")).isEqualTo("UP");
    assertThat(ending.json().path("components").path("workingCalendar").has("details"))
        .as("details for administrators only").isFalse();
    Answer forAdministrator = Staff.app(port).as("admin").get("/actuator/health/readiness");
    assertThat(forAdministrator.json().path("components").path("workingCalendar").path("details")
        .path("coveredThrough").asText()).isEqualTo("2026-12-31");
    assertThat(probe("liveness").status()).isEqualTo(200);

    CaseDriver.clockAt("2026-11-01T09:00"); // 60 days later is 2026-12-31, the calendar's last day
    Answer covered = probe("readiness");
    assertThat(covered.status()).as(covered.body()).isEqualTo(200);
    assertThat(component(covered, "workingCalendar")).isEqualTo("UP");
  }
}
