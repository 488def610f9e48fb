package org.obtainingwater;

import static org.assertj.core.api.Assertions.assertThat;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.BUILD_EXTERNAL_PIPELINE;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.CALL_BACK_CUSTOMER;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.DESIGN_SUPPLY_SCHEME;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.INSTALL_METER;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.RECORD_GREENERY_PERMIT_DECISION;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.REVIEW_APPLICATION;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.SURVEY_SITE;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.obtainingwater.staff.DemoStaffSetup;
import org.obtainingwater.staff.DemoStaffSetup.DemoUser;
import org.obtainingwater.staff.StaffAccessSetup;
import org.obtainingwater.staff.StaffGroup;
import org.obtainingwater.permits.FiledPermit;
import org.obtainingwater.permits.PermitFilings;
import org.obtainingwater.permits.PermitKind;
import org.obtainingwater.process.ObtainingWaterProcess;
import org.obtainingwater.support.Answer;
import org.obtainingwater.support.ApiClient;
import org.obtainingwater.support.StaffWalk;
import org.obtainingwater.support.AppOnH2;
import org.obtainingwater.support.DefaultEngine;
import org.obtainingwater.support.Staff;
import org.obtainingwater.support.WithJobExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The running application as staff and REST clients meet it: demo users and filters exist, forms
 * are deployed, and a whole case is driven through the standard engine-rest API alone by the demo
 * user of each stage, each task filled from the fields of its deployed Camunda Form. The job
 * executor runs, as in production.
 */
@AppOnH2
@WithJobExecutor
class StaffRestWorkflowTests {

  /**
   * What staff enter, by form field key, for a case with both permits. A form that gains a field
   * missing here fails the walk-through: the test then says which task and field.
   */
  static final Map<String, Object> ENTERED = new LinkedHashMap<>();

  static {
    ENTERED.put("applicantName", "株洲三一智能制造有限公司");
    ENTERED.put("contactPhone", "0731-22881234");
    ENTERED.put("siteAddress", "天元区新马工业园新丰路 9 号");
    ENTERED.put("useType", "industrial");
    ENTERED.put("expectedPeakDemand", 120);
    ENTERED.put("channel", "counter");
    ENTERED.put("projectReference", "");
    ENTERED.put("intakeDecision", "accepted");
    ENTERED.put("awaitingCustomer", false); // the site is ready: the clock does not stop (docs/adr/0045)
    ENTERED.put("surveyConclusion", "feasible");
    ENTERED.put("connectionPoint", "新丰路 DN400 市政管");
    ENTERED.put("externalPipeLength", 160);
    ENTERED.put("crossesRoad", true);
    ENTERED.put("crossesGreenBelt", true);
    ENTERED.put("peakFlow", 180.5);
    ENTERED.put("meterPosition", "厂区南门内侧");
    ENTERED.put("meterDn", 150);
    ENTERED.put("supplyPipeDn", 150);
    ENTERED.put("inRedLineBudget", 86000);
    ENTERED.put("designNotes", "");
    ENTERED.put("permitDecision", "approved");
    ENTERED.put("permitNumber", "株许〔2026〕12号");
    ENTERED.put("laidLength", 161.5);
    ENTERED.put("pressureTestResult", "passed");
    ENTERED.put("flushingCompleted", true);
    ENTERED.put("meterSerialNumber", "ZZ2026-150-0001");
    ENTERED.put("initialReading", 0);
    ENTERED.put("waterOnAt", "2026-11-26T16:00+08:00");
    ENTERED.put("callbackResult", "reached");
    ENTERED.put("satisfactionScore", 5);
    ENTERED.put("callbackRemarks", "不到两天就通水，非常满意");
    ENTERED.put("contractFollowUpNote", "电话提醒后客户到营业厅签署了纸质合同");
    ENTERED.put("contractSignedAtCounter", true);
  }

  /** Values a visible-only-when field must not receive in this walk-through (its branch is not taken). */
  static final List<String> HIDDEN_IN_THIS_CASE = List.of("intakeRejectionReason", "infeasibilityReason",
      "permitRejectionReason", "constructionNotes", "pauseReason", "pauseRemark");

  @LocalServerPort
  int port;
  @Autowired
  IdentityService identity;
  @Autowired
  FilterService filters;

  @Autowired
  ProcessEngine engine;

  @Autowired
  StaffAccessSetup setup;

  Staff staff;
  @Autowired
  PermitFilings permitFilings;

  @BeforeEach
  void answerFromThisContextsEngine() {
    DefaultEngine.use(engine);
    staff = Staff.engineRest(port);
  }

  @Test
  void demoProfile_hasAUserInEveryStaffGroup_andEveryGroupHasItsTasklistFilter() {
    for (StaffGroup group : StaffGroup.values()) {
      assertThat(identity.createUserQuery().memberOfGroup(group.id()).count()).as(group.id()).isPositive();
      assertThat(filters.createFilterQuery().filterName(group.filterName()).count()).as(group.filterName()).isEqualTo(1);
    }
    assertThat(filters.createFilterQuery().filterName(StaffAccessSetup.MY_TASKS_FILTER).count()).isEqualTo(1);
    assertThat(filters.createFilterQuery().filterName(StaffAccessSetup.OVERDUE_TASKS_FILTER).count()).isEqualTo(1);
    assertThat(identity.createUserQuery().memberOfGroup("camunda-admin").userId("admin").count()).isEqualTo(1);
  }

  @Test
  void eachStaffMember_seesOnlyTheirOwnFilters_withTheirQueueFirst() throws Exception {
    // Tasklist opens the filter with the lowest priority.
    assertThat(filterNamesByPriority("wangqiang"))
        .containsExactly(StaffGroup.SURVEY.filterName(), StaffAccessSetup.OVERDUE_TASKS_FILTER,
            StaffAccessSetup.MY_TASKS_FILTER);
  }

  @Test
  void supervisors_getTheDueSoonFilterAndNoListOfEveryOpenTask_butMayReadEveryStagesTasks() throws Exception {
    String instanceId = startCase();
    awaitTask("lina", instanceId, REVIEW_APPLICATION);

    assertThat(filterNamesByPriority("wulei")).containsExactly(StaffGroup.SUPERVISORS.filterName(),
        StaffAccessSetup.OVERDUE_TASKS_FILTER, StaffAccessSetup.DUE_SOON_TASKS_FILTER, StaffAccessSetup.MY_TASKS_FILTER);
    assertThat(get("wulei", "/task?processInstanceId=" + instanceId)).hasSize(1);
  }

  @Test
  void aFilterThisApplicationRetired_isDeletedAtStart_withItsGrants() {
    Filter retired = filters.saveFilter(filters.newTaskFilter("全部在办任务")
        .setQuery(engine.getTaskService().createTaskQuery()));
    engine.getAuthorizationService().saveAuthorization(grantReadOnFilter(retired.getId(), "supervisors"));

    setup.postProcessEngineBuild(engine);

    assertThat(filters.createFilterQuery().filterName("全部在办任务").count()).isZero();
    assertThat(engine.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.FILTER)
        .resourceId(retired.getId()).count()).isZero();
    assertThat(filters.createFilterQuery().filterName(StaffAccessSetup.DUE_SOON_TASKS_FILTER).count()).isOne();
  }

  private Authorization grantReadOnFilter(String filterId, String groupId) {
    Authorization grant = engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setGroupId(groupId);
    grant.setResource(Resources.FILTER);
    grant.setResourceId(filterId);
    grant.addPermission(Permissions.READ);
    return grant;
  }

  @Test
  void intakeQueue_showsEachCasesNumberApplicantAndSiteOnTheTaskCard() throws Exception {
    String instanceId = startCase();
    awaitTask("lina", instanceId, REVIEW_APPLICATION);
    String queue = filters.createFilterQuery().filterName(StaffGroup.INTAKE.filterName()).singleResult().getId();

    Answer response = staff.as("lina").header("Accept", "application/hal+json").post("/filter/" + queue + "/list", "{}");

    assertThat(response.status()).isEqualTo(200);
    Map<String, String> card = new LinkedHashMap<>();
    for (JsonNode task : response.json().path("_embedded").path("task")) {
      if (task.get("processInstanceId").asText().equals(instanceId)) {
        task.path("_embedded").path("variable").forEach(variable ->
            card.put(variable.get("name").asText(), variable.get("value").asText()));
      }
    }
    assertThat(card).containsEntry("cardApplicantName", "株洲三一智能制造有限公司")
        .containsEntry("cardSiteAddress", "天元区新马工业园新丰路 9 号")
        .hasEntrySatisfying("cardApplicationNumber", number -> assertThat(number).matches("GW-\\d{4}-\\d{6}"));
  }

  @Test
  void engineRest_refusesCallsWithoutCredentials() throws Exception {
    Answer response = staff.anonymous().get("/task");
    assertThat(response.status()).isEqualTo(401);
  }

  @Test
  void wholeCase_canBeDrivenThroughEngineRest_byEachStagesStaff_fillingEachTaskFromItsDeployedForm() throws Exception {
    JsonNode startForm = get("lina", "/process-definition/key/obtainingWater/deployed-start-form");
    JsonNode started = post("lina", "/process-definition/key/obtainingWater/submit-form", formValues("start", startForm), 200);
    String instanceId = started.get("id").asText();
    assertThat(started.get("businessKey").asText()).matches("GW-\\d{4}-\\d{6}");

    complete("lina", instanceId, REVIEW_APPLICATION);
    complete("wangqiang", instanceId, SURVEY_SITE);
    complete("zhaomin", instanceId, DESIGN_SUPPLY_SCHEME);
    // DN150 charges the works inside the red line: the customer accepts the quote at the counter, which the intake
    // clerk records; an industrial customer within the credit limit pays after water-on (docs/adr/0043).
    String number = get("admin", "/process-instance/" + instanceId).get("businessKey").asText();
    Answer accepted = Staff.app(port).as("lina").post("/api/v1/staff/quotes/" + number + "/acceptance", "");
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
    assertThat(accepted.json().get("state").asText()).isEqualTo("PAYMENT_AFTER_WATER_ON");
    // The platform reports the road permit's decision through its callback; it stays silent on the greenery permit,
    // whose decision the permit agent then records from the task's form (docs/adr/0041).
    FiledPermit road = awaitFiling(number, PermitKind.ROAD);
    assertThat(StaffWalk.platformDecides(new ApiClient(port), road.reference(), PermitKind.ROAD).status()).isEqualTo(200);
    StaffWalk.platformSilent(staff, instanceId, PermitKind.GREENERY, Duration.ofSeconds(20));
    complete("chenjie", instanceId, RECORD_GREENERY_PERMIT_DECISION);
    complete("liuyang", instanceId, BUILD_EXTERNAL_PIPELINE);
    complete("sunhao", instanceId, INSTALL_METER);
    complete("zhoufang", instanceId, CALL_BACK_CUSTOMER);
    // The case closes once the credit connection's fee is paid: the customer pays, the gateway notifies.
    ApiClient customer = new ApiClient(port);
    Answer order = customer.pay(number, "0731-22881234");
    assertThat(order.status()).as(order.body()).isEqualTo(200);
    Answer paid = customer.paymentNotified(ApiClient.paymentNotification(order.json().get("paymentReference").asText(),
        order.json().get("amount").asText(), "4200009999"));
    assertThat(paid.status()).as(paid.body()).isEqualTo(200);
    // Five working days without a signature (run now): customer service follows up, and the customer signs the
    // printed contract at the counter, which the agent records by submitting the follow-up's form (docs/adr/0046).
    StaffWalk.timerFiresNow(staff, instanceId, ObtainingWaterProcess.Elements.CONTRACT_UNSIGNED, Duration.ofSeconds(20));
    complete("zhoufang", instanceId, ObtainingWaterProcess.UserTasks.FOLLOW_UP_CONTRACT_SIGNING);

    assertThat(awaitEnded(instanceId).get("state").asText()).isEqualTo("COMPLETED");
    Answer contract = Staff.app(port).as("zhoufang").get("/api/v1/staff/contracts/" + number);
    assertThat(contract.json().path("signature").path("method").asText()).as(contract.body()).isEqualTo("COUNTER");
    assertThat(get("admin", "/history/activity-instance?processInstanceId=" + instanceId
        + "&activityId=endEvent_waterConnected")).hasSize(1);
  }

  @Test
  void staffCannotWorkAnotherStagesTask() throws Exception {
    String instanceId = startCase();
    String taskId = awaitTask("lina", instanceId, REVIEW_APPLICATION).get("id").asText();

    assertThat(get("wangqiang", "/task?processInstanceId=" + instanceId)).isEmpty();
    Answer refused = staff.as("wangqiang").post("/task/" + taskId + "/complete",
        "{\"variables\":{\"intakeDecision\":{\"value\":\"accepted\"}}}");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(get("lina", "/task?processInstanceId=" + instanceId)).hasSize(1);
  }

  @Test
  void badTaskInput_isRefusedWith400NamingTheField_andNothingIsLost() throws Exception {
    String instanceId = startCase();
    String taskId = awaitTask("lina", instanceId, REVIEW_APPLICATION).get("id").asText();

    Answer refused = staff.as("lina").post("/task/" + taskId + "/submit-form",
        "{\"variables\":{\"intakeDecision\":{\"value\":\"rejected\"},\"contactPhone\":{\"value\":\"12345\"}}}");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("intakeRejectionReason").contains("contactPhone").contains("不予受理原因");
    assertThat(get("lina", "/task/" + taskId).get("id").asText()).isEqualTo(taskId);
    assertThat(get("lina", "/task/" + taskId + "/variables/contactPhone").get("value").asText())
        .isEqualTo("0731-22881234");
  }

  @Test
  void anApplicationWithoutPhoneOrWithAnUnknownUseType_isNotStarted_throughEitherStartEndpoint() throws Exception {
    String incomplete = "{\"variables\":{\"applicantName\":{\"value\":\"某公司\"},\"siteAddress\":{\"value\":\"某路 1 号\"},"
        + "\"useType\":{\"value\":\"spaceport\"},\"expectedPeakDemand\":{\"value\":5},\"channel\":{\"value\":\"app\"}}}";
    long before = get("admin", "/history/process-instance/count").get("count").asLong();

    for (String endpoint : List.of("submit-form", "start")) {
      Answer refused = staff.as("lina").post("/process-definition/key/obtainingWater/" + endpoint, incomplete);
      assertThat(refused.status()).as(endpoint + ": " + refused.body()).isEqualTo(400);
      assertThat(refused.body()).as(endpoint).contains("contactPhone").contains("useType");
    }
    assertThat(get("admin", "/history/process-instance/count").get("count").asLong()).isEqualTo(before);
  }

  @Test
  void otherEngineRestErrorsKeepCamundasAnswer() throws Exception {
    Answer missing = staff.as("admin").post("/process-definition/key/noSuchProcess/start", "{}");
    assertThat(missing.status()).isEqualTo(404);
  }

  @Test
  void demoUsersAreDocumentedOnePerGroup() {
    assertThat(DemoStaffSetup.USERS).extracting(DemoUser::group).containsExactlyInAnyOrder(StaffGroup.values());
  }

  // --- helpers -------------------------------------------------------------------------

  /** The filters a user sees, in the order Tasklist lists them. */
  private List<String> filterNamesByPriority(String user) throws Exception {
    List<JsonNode> visible = new java.util.ArrayList<>();
    get(user, "/filter").forEach(visible::add);
    visible.sort(java.util.Comparator.comparingInt(filter -> filter.path("properties").path("priority").asInt()));
    return visible.stream().map(filter -> filter.get("name").asText()).toList();
  }

  private String startCase() throws Exception {
    JsonNode startForm = get("lina", "/process-definition/key/obtainingWater/deployed-start-form");
    return post("lina", "/process-definition/key/obtainingWater/submit-form", formValues("start", startForm), 200)
        .get("id").asText();
  }

  /** Finds the stage's task as its staff member, reads its deployed form and submits it. */
  private void complete(String user, String instanceId, String taskKey) throws Exception {
    String taskId = awaitTask(user, instanceId, taskKey).get("id").asText();
    JsonNode form = get(user, "/task/" + taskId + "/deployed-form");
    post(user, "/task/" + taskId + "/submit-form", formValues(taskKey, form), 204);
  }

  /**
   * The variables a person fills in: every editable field of the form, none it lacks. Display-only
   * fields are disabled, and form-js submits neither disabled nor hidden fields.
   */
  private Map<String, Object> formValues(String what, JsonNode form) {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (JsonNode field : form.path("components")) {
      if (!field.hasNonNull("key") || field.path("disabled").asBoolean(false)) {
        continue;
      }
      String key = field.get("key").asText();
      if (HIDDEN_IN_THIS_CASE.contains(key)) {
        assertThat(field.has("conditional")).as(what + ": " + key + " is shown only on another branch").isTrue();
        continue;
      }
      assertThat(ENTERED).as(what + " has a field nobody fills: " + key).containsKey(key);
      variables.put(key, Map.of("value", ENTERED.get(key)));
    }
    assertThat(variables).as(what + " form has editable fields").isNotEmpty();
    return Map.of("variables", variables);
  }

  private JsonNode awaitTask(String user, String instanceId, String taskKey) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (Instant.now().isBefore(deadline)) {
      JsonNode tasks = get(user, "/task?processInstanceId=" + instanceId + "&taskDefinitionKey=" + taskKey);
      if (tasks.size() == 1) {
        return tasks.get(0);
      }
      Thread.sleep(100);
    }
    throw new AssertionError(user + " never saw task " + taskKey);
  }

  private FiledPermit awaitFiling(String number, PermitKind kind) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (Instant.now().isBefore(deadline)) {
      var filed = permitFilings.filingsFor(number).stream().filter(filing -> filing.kind() == kind).findFirst();
      if (filed.isPresent()) {
        return filed.get();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the " + kind.title() + " was never filed for " + number);
  }

  private JsonNode awaitEnded(String instanceId) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (Instant.now().isBefore(deadline)) {
      JsonNode instance = get("admin", "/history/process-instance/" + instanceId);
      if (!"ACTIVE".equals(instance.get("state").asText())) {
        return instance;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("case " + instanceId + " did not end");
  }

  private JsonNode get(String user, String path) {
    Answer response = staff.as(user).get(path);
    assertThat(response.status()).as("GET " + path + ": " + response.body()).isEqualTo(200);
    return response.json();
  }

  private JsonNode post(String user, String path, Object body, int expectedStatus) {
    Answer response = staff.as(user).post(path, body);
    assertThat(response.status()).as("POST " + path + ": " + response.body()).isEqualTo(expectedStatus);
    return response.json();
  }
}
