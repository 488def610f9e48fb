package org.obtainingwater.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.REVIEW_APPLICATION;
import static org.obtainingwater.support.TestCases.application;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.obtainingwater.support.Answer;
import org.obtainingwater.support.AppOnH2;
import org.obtainingwater.support.CaseDriver;
import org.obtainingwater.support.DefaultEngine;
import org.obtainingwater.support.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who may do what through {@code /engine-rest}: nobody without credentials (401), and staff only
 * what their group's authorizations allow (403 otherwise), with a positive row for each refusal so a
 * 403 cannot come from a broken endpoint. One intake case is waiting at intake for the matrix.
 */
@AppOnH2
class EngineRestAccessMatrixTests {

  /** Placeholders in the paths: the waiting intake task and its case. */
  static final String TASK = "{task}";
  static final String CASE = "{case}";

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;

  Staff staff;
  String taskId;
  String caseId;

  @BeforeEach
  void aCaseWaitsAtIntake() {
    DefaultEngine.use(engine);
    staff = Staff.engineRest(port);
    CaseDriver cases = new CaseDriver(engine);
    ProcessInstance instance = cases.apply(application());
    caseId = instance.getId();
    taskId = cases.task(instance, REVIEW_APPLICATION).getId();
  }

  static Stream<Arguments> matrix() {
    String valid = "{\"variables\":{\"intakeDecision\":{\"value\":\"accepted\"}}}";
    String project = "{\"variables\":{\"projectReference\":{\"value\":\"2026-430211-47-01-990001\"},"
        + "\"projectName\":{\"value\":\"株洲轨道交通装备产业园三期\"},\"siteAddress\":{\"value\":\"天元区栗雨工业园\"},"
        + "\"expectedPeakDemand\":{\"value\":150},\"expectedApplicationDate\":{\"value\":\""
        + LocalDate.now(ZoneId.of("Asia/Shanghai")).plusMonths(3) + "\"}}}";
    return Stream.of(
        // Without (valid) credentials nothing is answered.
        Arguments.of(null, "GET", "/task", null, 401),
        Arguments.of(null, "GET", "/process-definition", null, 401),
        Arguments.of(null, "POST", "/process-definition/key/obtainingWater/start", "{}", 401),
        Arguments.of(null, "GET", "/history/process-instance", null, 401),
        Arguments.of(null, "GET", "/user", null, 401),
        Arguments.of(null, "GET", "/task/" + TASK + "/variables", null, 401),
        // (Someone who works nowhere else in this matrix: a failed login delays that user's next ones.)
        Arguments.of("zhoufang:wrong-password", "GET", "/task", null, 401),
        Arguments.of("bearer:demo-permit-platform-token", "GET", "/task", null, 401),
        // The intake clerk works the intake task ...
        Arguments.of("lina", "GET", "/task/" + TASK + "/variables", null, 200),
        Arguments.of("lina", "GET", "/task/" + TASK + "/form-variables", null, 200),
        // ... the surveyor may not read, claim or complete it, nor read the case's variables.
        Arguments.of("wangqiang", "GET", "/task/" + TASK + "/variables", null, 403),
        Arguments.of("wangqiang", "GET", "/task/" + TASK + "/form-variables", null, 403),
        Arguments.of("wangqiang", "POST", "/task/" + TASK + "/claim", "{\"userId\":\"wangqiang\"}", 403),
        Arguments.of("wangqiang", "POST", "/task/" + TASK + "/complete", valid, 403),
        Arguments.of("wangqiang", "GET", "/process-instance/" + CASE + "/variables", null, 403),
        Arguments.of("wangqiang", "POST", "/process-definition/key/obtainingWater/start", "{}", 403),
        // The account manager registers projects for 提前办 and nothing else; nobody else registers them.
        Arguments.of("zhengli", "POST", "/process-definition/key/preEngagement/start", project, 200),
        Arguments.of("lina", "POST", "/process-definition/key/preEngagement/start", project, 403),
        Arguments.of("zhengli", "POST", "/process-definition/key/obtainingWater/start", "{}", 403),
        Arguments.of("zhengli", "GET", "/task/" + TASK + "/variables", null, 403),
        // Staff cannot administer the engine, cancel cases or grant themselves rights.
        Arguments.of("lina", "DELETE", "/process-instance/" + CASE, null, 403),
        Arguments.of("lina", "POST", "/user/create", "{\"profile\":{\"id\":\"mallory\"},\"credentials\":{\"password\":\"x\"}}", 403),
        Arguments.of("lina", "POST", "/authorization/create",
            "{\"type\":1,\"permissions\":[\"ALL\"],\"userId\":\"lina\",\"resourceType\":0,\"resourceId\":\"*\"}", 403),
        Arguments.of("lina", "PUT", "/group/supervisors/members/lina", null, 403),
        // Supervisors read every case; the administrator administers.
        Arguments.of("wulei", "GET", "/process-instance/" + CASE + "/variables", null, 200),
        Arguments.of("wulei", "POST", "/task/" + TASK + "/complete", valid, 403),
        Arguments.of("admin", "GET", "/user", null, 200),
        Arguments.of("admin", "GET", "/process-instance/" + CASE + "/variables", null, 200));
  }

  @ParameterizedTest(name = "{0} {1} {2} -> {4}")
  @MethodSource("matrix")
  void engineRest_answersEachCallerAsTheirRightsAllow(String caller, String method, String path, String body,
      int expected) throws Exception {
    Answer response = as(caller).send(method, path.replace(TASK, taskId).replace(CASE, caseId), body);

    assertThat(response.status()).as(response.body()).isEqualTo(expected);
  }

  /** Nobody (null), a bearer token ("bearer:token"), or a login ("user", "user:password"). */
  private Staff.Call as(String caller) {
    if (caller == null) {
      return staff.anonymous();
    }
    if (caller.startsWith("bearer:")) {
      return staff.anonymous().header("Authorization", "Bearer " + caller.substring("bearer:".length()));
    }
    return staff.as(caller);
  }
}
