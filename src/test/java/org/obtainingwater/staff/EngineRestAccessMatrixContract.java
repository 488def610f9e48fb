package org.obtainingwater.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.REVIEW_APPLICATION;
import static org.obtainingwater.support.TestCases.application;

import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.time.ZoneId;
import java.util.stream.Stream;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.obtainingwater.support.Answer;
import org.obtainingwater.process.ObtainingWaterProcess;
import org.obtainingwater.support.CaseDriver;
import org.obtainingwater.support.DefaultEngine;
import org.obtainingwater.support.Staff;
import org.obtainingwater.support.TestCases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who may do what through {@code /engine-rest}: nobody without credentials (401), and staff only
 * what their group's authorizations allow (403 otherwise), with a positive row for each refusal so a
 * 403 cannot come from a broken endpoint. One intake case is waiting at intake for the matrix.
 * <p>
 * Staff write only what their task asks (docs/adr/0027-staff-write-only-their-form.md): every write engine-rest
 * offers on a task and a process instance, for each staff group and a supervisor, beside what they may do.
 * Runs on H2 and PostgreSQL ({@link EngineRestAccessMatrixH2Tests}, {@link EngineRestAccessMatrixPostgresTests}).
 */
abstract class EngineRestAccessMatrixContract {

  /** Placeholders in the paths: the waiting intake task and its case. */
  static final String TASK = "{task}";
  static final String CASE = "{case}";
  /** A user in no group, only for the wrong password. */
  static final String PROBE = "wrongpasswordprobe";
  /** A due date a supervisor moves the task to, in engine-rest's date format. */
  static final String DUE = "2031-01-02T09:00:00.000+0800";

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
    if (engine.getIdentityService().createUserQuery().userId(PROBE).count() == 0) {
      User probe = engine.getIdentityService().newUser(PROBE);
      probe.setPassword("probe-" + Staff.DEMO_PASSWORD);
      engine.getIdentityService().saveUser(probe);
    }
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
    String corrected = "{\"variables\":{\"intakeDecision\":{\"value\":\"accepted\"},"
        + "\"contactPhone\":{\"value\":\"13812345678\"}}}";
    String withFee = "{\"variables\":{\"intakeDecision\":{\"value\":\"accepted\"},\"customerFee\":{\"value\":-5}}}";
    String withScore = "{\"variables\":{\"intakeDecision\":{\"value\":\"accepted\"},\"satisfactionScore\":{\"value\":5}}}";
    String startWithFee = "{\"variables\":{\"applicantName\":{\"value\":\"某公司\"},\"customerFee\":{\"value\":-5}}}";
    String phone = "{\"value\":\"13900000000\"}";
    String modifications = "{\"modifications\":{\"customerFee\":{\"value\":-5}}}";
    String modification = "{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"userTask_reviewApplication\"}]}";
    String dueTomorrow = "{\"due\":\"" + DUE + "\"}";
    String renamed = "{\"due\":\"" + DUE + "\",\"name\":\"随便改个名字\"}";
    return Stream.of(
        // Without (valid) credentials nothing is answered.
        Arguments.of(null, "GET", "/task", null, 401),
        Arguments.of(null, "GET", "/process-definition", null, 401),
        Arguments.of(null, "POST", "/process-definition/key/obtainingWater/start", "{}", 401),
        Arguments.of(null, "GET", "/history/process-instance", null, 401),
        Arguments.of(null, "GET", "/user", null, 401),
        Arguments.of(null, "GET", "/task/" + TASK + "/variables", null, 401),
        // (A user who logs in nowhere else in this matrix: a failed login delays that user's next ones, and every
        // staff group has a row below.)
        Arguments.of(PROBE + ":wrong-password", "GET", "/task", null, 401),
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
        Arguments.of("admin", "GET", "/process-instance/" + CASE + "/variables", null, 200),

        // --- Staff write only what their task asks -------------------------------------------------
        // The intake clerk claims and completes her task with her form's fields ...
        Arguments.of("lina", "POST", "/task/" + TASK + "/claim", "{\"userId\":\"lina\"}", 204),
        Arguments.of("lina", "POST", "/task/" + TASK + "/unclaim", null, 204),
        Arguments.of("lina", "POST", "/task/" + TASK + "/submit-form", valid, 204),
        Arguments.of("lina", "POST", "/task/" + TASK + "/complete", corrected, 204),
        // ... and nothing beside them: a variable her form does not have is 400, whichever endpoint.
        Arguments.of("lina", "POST", "/task/" + TASK + "/complete", withFee, 400),
        Arguments.of("lina", "POST", "/task/" + TASK + "/submit-form", withScore, 400),
        Arguments.of("admin", "POST", "/task/" + TASK + "/complete", withFee, 400),
        Arguments.of("lina", "POST", "/process-definition/key/obtainingWater/submit-form", startWithFee, 400),
        Arguments.of("lina", "POST", "/process-definition/key/obtainingWater/start", startWithFee, 400),
        // She changes no case data outside her form: task variables ...
        Arguments.of("lina", "PUT", "/task/" + TASK + "/variables/contactPhone", phone, 403),
        Arguments.of("lina", "POST", "/task/" + TASK + "/variables", modifications, 403),
        Arguments.of("lina", "DELETE", "/task/" + TASK + "/variables/contactPhone", null, 403),
        Arguments.of("lina", "PUT", "/task/" + TASK + "/localVariables/contactPhone", phone, 403),
        Arguments.of("lina", "POST", "/task/" + TASK + "/localVariables", modifications, 403),
        Arguments.of("lina", "DELETE", "/task/" + TASK + "/localVariables/contactPhone", null, 403),
        // ... the task itself: due date, assignee, delegation, candidate groups ...
        Arguments.of("lina", "PUT", "/task/" + TASK, dueTomorrow, 403),
        Arguments.of("lina", "POST", "/task/" + TASK + "/assignee", "{\"userId\":\"lina\"}", 403),
        Arguments.of("lina", "POST", "/task/" + TASK + "/delegate", "{\"userId\":\"zhoufang\"}", 403),
        Arguments.of("lina", "POST", "/task/" + TASK + "/identity-links", "{\"groupId\":\"survey\",\"type\":\"candidate\"}", 403),
        Arguments.of("lina", "POST", "/task/" + TASK + "/identity-links/delete", "{\"groupId\":\"intake\",\"type\":\"candidate\"}", 403),
        Arguments.of("lina", "DELETE", "/task/" + TASK, null, 403),
        // ... nor the case: its variables, suspension, modification, deletion.
        Arguments.of("lina", "PUT", "/process-instance/" + CASE + "/variables/contactPhone", phone, 403),
        Arguments.of("lina", "POST", "/process-instance/" + CASE + "/variables", modifications, 403),
        Arguments.of("lina", "DELETE", "/process-instance/" + CASE + "/variables/contactPhone", null, 403),
        Arguments.of("lina", "PUT", "/execution/" + CASE + "/localVariables/contactPhone", phone, 403),
        Arguments.of("lina", "POST", "/execution/" + CASE + "/localVariables", modifications, 403),
        Arguments.of("lina", "PUT", "/process-instance/" + CASE + "/suspended", "{\"suspended\":true}", 403),
        Arguments.of("lina", "POST", "/process-instance/" + CASE + "/modification", modification, 403),
        // Every other staff group: no writes on a task that is not theirs.
        Arguments.of("wangqiang", "PUT", "/task/" + TASK + "/variables/contactPhone", phone, 403),
        Arguments.of("zhaomin", "PUT", "/task/" + TASK + "/variables/contactPhone", phone, 403),
        Arguments.of("chenjie", "POST", "/task/" + TASK + "/assignee", "{\"userId\":\"chenjie\"}", 403),
        Arguments.of("liuyang", "PUT", "/task/" + TASK, dueTomorrow, 403),
        Arguments.of("liuyang", "POST", "/task/" + TASK + "/unclaim", null, 403),
        Arguments.of("sunhao", "POST", "/task/" + TASK + "/identity-links", "{\"groupId\":\"metering\",\"type\":\"candidate\"}", 403),
        Arguments.of("zhoufang", "POST", "/process-instance/" + CASE + "/variables", modifications, 403),
        Arguments.of("zhengli", "PUT", "/process-instance/" + CASE + "/suspended", "{\"suspended\":true}", 403),
        // Supervisors reassign and move due dates; nothing else.
        Arguments.of("wulei", "POST", "/task/" + TASK + "/assignee", "{\"userId\":\"lina\"}", 204),
        Arguments.of("wulei", "PUT", "/task/" + TASK, dueTomorrow, 204),
        Arguments.of("wulei", "PUT", "/task/" + TASK, renamed, 403),
        Arguments.of("wulei", "PUT", "/task/" + TASK + "/variables/contactPhone", phone, 403),
        Arguments.of("wulei", "POST", "/task/" + TASK + "/localVariables", modifications, 403),
        Arguments.of("wulei", "POST", "/task/" + TASK + "/delegate", "{\"userId\":\"lina\"}", 403),
        Arguments.of("wulei", "POST", "/task/" + TASK + "/identity-links", "{\"groupId\":\"survey\",\"type\":\"candidate\"}", 403),
        Arguments.of("wulei", "POST", "/task/" + TASK + "/submit-form", valid, 403),
        Arguments.of("wulei", "POST", "/process-instance/" + CASE + "/variables", modifications, 403),
        Arguments.of("wulei", "PUT", "/process-instance/" + CASE + "/suspended", "{\"suspended\":true}", 403),
        Arguments.of("wulei", "DELETE", "/process-instance/" + CASE, null, 403),
        // The administrator still can (the positive rows beside the refusals).
        Arguments.of("admin", "PUT", "/task/" + TASK + "/variables/contactPhone", phone, 204),
        Arguments.of("admin", "POST", "/process-instance/" + CASE + "/variables", modifications, 204),
        Arguments.of("admin", "PUT", "/process-instance/" + CASE + "/suspended", "{\"suspended\":true}", 204));
  }

  @ParameterizedTest(name = "{0} {1} {2} -> {4}")
  @MethodSource("matrix")
  void engineRest_answersEachCallerAsTheirRightsAllow(String caller, String method, String path, String body,
      int expected) throws Exception {
    Answer response = as(caller).send(method, path.replace(TASK, taskId).replace(CASE, caseId), body);

    assertThat(response.status()).as(response.body()).isEqualTo(expected);
  }

  /**
   * Only the customer's or the counter's door accepts a quote, and only the gateway's notification pays it
   * (docs/adr/0043): no staff group, supervisors included, moves a case past either through engine-rest, and
   * neither the gateway's nor the platform's token opens engine-rest.
   */
  @Test
  void nobodyOnEngineRest_acceptsAQuoteOrPaysIt_forTheCustomer() {
    CaseDriver cases = new CaseDriver(engine);
    ProcessInstance quoted = cases.apply(TestCases.residentialApplication());
    cases.complete(quoted, REVIEW_APPLICATION, TestCases.accepted());
    cases.complete(quoted, ObtainingWaterProcess.UserTasks.SURVEY_SITE, TestCases.surveyed(0, false, false));
    cases.complete(quoted, ObtainingWaterProcess.UserTasks.DESIGN_SUPPLY_SCHEME, TestCases.designed(150, 100, 86_000));
    String accept = "{\"messageName\":\"" + ObtainingWaterProcess.MESSAGE_QUOTE_ACCEPTED + "\",\"businessKey\":\""
        + quoted.getBusinessKey() + "\"}";
    String pay = "{\"messageName\":\"" + ObtainingWaterProcess.MESSAGE_PAYMENT_RECEIVED + "\",\"businessKey\":\""
        + quoted.getBusinessKey() + "\"}";
    for (String caller : List.of("lina", "zhaomin", "zhoufang", "wulei")) {
      assertThat(as(caller).post("/message", accept).status()).as(caller + " accepts for the customer").isEqualTo(403);
    }
    assertThat(as("bearer:demo-payment-gateway-token").post("/message", accept).status()).isEqualTo(401);
    // The positive row: the endpoint works for the administrator, who may do anything in the engine.
    assertThat(as("admin").post("/message", accept).status()).isEqualTo(204);
    assertThat(engine.getRuntimeService().createEventSubscriptionQuery().processInstanceId(quoted.getId())
        .eventName(ObtainingWaterProcess.MESSAGE_PAYMENT_RECEIVED).count()).as("now waiting for the payment").isEqualTo(1);
    for (String caller : List.of("lina", "zhaomin", "zhoufang", "wulei")) {
      assertThat(as(caller).post("/message", pay).status()).as(caller + " pays for the customer").isEqualTo(403);
    }
    assertThat(engine.getRuntimeService().createEventSubscriptionQuery().processInstanceId(quoted.getId())
        .eventName(ObtainingWaterProcess.MESSAGE_PAYMENT_RECEIVED).count()).as("still waiting for the payment").isEqualTo(1);
  }

  @Test
  void aSupervisorsReassignmentAndDueDateMove_areInTheCaseHistory_underTheirName() {
    assertThat(as("wulei").post("/task/" + taskId + "/assignee", "{\"userId\":\"lina\"}").status()).isEqualTo(204);
    assertThat(as("wulei").put("/task/" + taskId, "{\"due\":\"" + DUE + "\"}").status()).isEqualTo(204);

    Task task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
    assertThat(task.getAssignee()).isEqualTo("lina");
    assertThat(task.getDueDate()).isEqualTo(Date.from(OffsetDateTime.parse("2031-01-02T09:00:00+08:00").toInstant()));
    assertThat(task.getName()).as("nothing but the date moved").isNotBlank();
    List<UserOperationLogEntry> log = engine.getHistoryService().createUserOperationLogQuery().taskId(taskId).list();
    assertThat(log).filteredOn(entry -> "wulei".equals(entry.getUserId()))
        .extracting(UserOperationLogEntry::getOperationType, UserOperationLogEntry::getProperty)
        .contains(tuple(UserOperationLogEntry.OPERATION_TYPE_ASSIGN, "assignee"),
            tuple(UserOperationLogEntry.OPERATION_TYPE_UPDATE, "dueDate"));
  }

  @Test
  void aDatabaseWhereCandidatesHeldUpdate_isCorrectedToTaskWork_once() {
    AuthorizationService authorizations = engine.getAuthorizationService();
    Authorization old = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    old.setGroupId(StaffGroup.SURVEY.id());
    old.setResource(Resources.TASK);
    old.setResourceId(taskId);
    old.addPermission(Permissions.READ);
    old.addPermission(Permissions.UPDATE);
    String id = authorizations.saveAuthorization(old).getId();

    StaffAccessSetup.workNotUpdate(authorizations);
    StaffAccessSetup.workNotUpdate(authorizations);

    Authorization corrected = authorizations.createAuthorizationQuery().authorizationId(id).singleResult();
    assertThat(corrected.isPermissionGranted(TaskPermissions.TASK_WORK)).isTrue();
    assertThat(corrected.isPermissionGranted(Permissions.UPDATE)).isFalse();
    assertThat(corrected.isPermissionGranted(Permissions.READ)).isTrue();
    assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.TASK).hasPermission(Permissions.UPDATE)
        .list()).allMatch(grant -> Authorization.ANY.equals(grant.getResourceId()));
  }

  /** Tasklist's own door to the engine follows the same rules as engine-rest. */
  @Test
  void throughTasklistsDoor_theClerkSubmitsHerForm_andNothingBeside() {
    Staff.Call lina = Staff.tasklist(port).session("lina");

    Answer extra = lina.post("/task/" + taskId + "/submit-form",
        "{\"variables\":{\"intakeDecision\":{\"value\":\"accepted\"},\"customerFee\":{\"value\":-5}}}");
    Answer phone = lina.put("/task/" + taskId + "/variables/contactPhone", "{\"value\":\"13900000000\"}");
    Answer claim = lina.post("/task/" + taskId + "/claim", "{\"userId\":\"lina\"}");
    Answer unclaim = lina.post("/task/" + taskId + "/unclaim", null);
    Answer submit = lina.post("/task/" + taskId + "/submit-form",
        "{\"variables\":{\"intakeDecision\":{\"value\":\"accepted\"}}}");

    assertThat(extra.status()).as(extra.body()).isEqualTo(400);
    assertThat(extra.body()).contains("customerFee");
    assertThat(phone.status()).as(phone.body()).isEqualTo(403);
    assertThat(claim.status()).as(claim.body()).isEqualTo(204);
    assertThat(unclaim.status()).as(unclaim.body()).isEqualTo(204);
    assertThat(submit.status()).as(submit.body()).isEqualTo(204);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(caseId)
        .variableName("customerFee").count()).isZero();
  }

  /** Without the session's CSRF token the filter writes nothing for the caller; Camunda refuses the request. */
  @Test
  void throughTasklistsDoor_withoutTheCsrfToken_nothingIsGivenBack() {
    Staff.Call lina = Staff.tasklist(port).session("lina");
    assertThat(lina.post("/task/" + taskId + "/claim", "{\"userId\":\"lina\"}").status()).isEqualTo(204);

    Answer forged = lina.header("X-XSRF-TOKEN", "forged").post("/task/" + taskId + "/unclaim", null);

    assertThat(forged.status()).as(forged.body()).isEqualTo(403);
    assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo("lina");
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
