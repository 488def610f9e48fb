package org.obtainingwater.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.obtainingwater.support.Answer;
import org.obtainingwater.support.AppOnH2;
import org.obtainingwater.support.CaseDriver;
import org.obtainingwater.support.Staff;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Who may use the actuator: health and its probes for anyone, metrics for administrators only. */
@AppOnH2
class ActuatorAccessTests {

  @LocalServerPort
  int port;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  Staff actuator() {
    return Staff.app(port);
  }

  @Test
  void health_andItsProbes_arePublic_withStatusesOnly() {
    CaseDriver.clockAt("2026-09-01T09:00");
    for (String path : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
      Answer health = actuator().anonymous().get(path);
      assertThat(health.status()).as(path + " " + health.body()).isEqualTo(200);
      assertThat(health.json().path("status").asText()).isEqualTo("UP");
    }
    Answer anonymous = actuator().anonymous().get("/actuator/health");
    assertThat(anonymous.json().path("components").path("db").path("status").asText()).isEqualTo("UP");
    assertThat(anonymous.json().path("components").path("db").has("details")).isFalse();
    Answer staff = actuator().as("lina").get("/actuator/health");
    assertThat(staff.status()).isEqualTo(200);
    assertThat(staff.json().path("components").path("db").has("details")).as("staff see statuses only").isFalse();
    Answer admin = actuator().as("admin").get("/actuator/health");
    assertThat(admin.json().path("components").path("engine").path("details").path("name").asText())
        .isEqualTo("default");
  }

  @Test
  void prometheus_asksAnonymousToLogIn_refusesStaff_andAnswersAdministrators() {
    Answer anonymous = actuator().anonymous().get("/actuator/prometheus");
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.header("WWW-Authenticate")).startsWith("Basic");
    assertThat(anonymous.header("Content-Type")).contains("application/problem+json");
    assertThat(anonymous.json().path("detail").asText()).contains("管理员");

    // An unknown login, not the administrator's with a wrong password: the engine would then hold the administrator
    // back for a few seconds (login throttling), and the next test class in this context may log in as admin.
    Answer unknown = actuator().as("nobody:wrong").get("/actuator/prometheus");
    assertThat(unknown.status()).isEqualTo(401);

    for (String user : new String[] {"lina", "wulei"}) {
      Answer staff = actuator().as(user).get("/actuator/prometheus");
      assertThat(staff.status()).as(user).isEqualTo(403);
      assertThat(staff.json().path("detail").asText()).contains(user, "camunda-admin");
    }
    assertThat(actuator().as("lina").get("/actuator/metrics").status()).isEqualTo(403);
    assertThat(actuator().anonymous().get("/actuator").status()).isEqualTo(401);

    Answer admin = actuator().as("admin").get("/actuator/prometheus");
    assertThat(admin.status()).as(admin.body()).isEqualTo(200);
    assertThat(admin.body()).contains("ow_cases_started_total", "ow_open_tasks");
  }
}
