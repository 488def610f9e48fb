package org.obtainingwater.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.REVIEW_APPLICATION;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.SURVEY_SITE;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.obtainingwater.support.Answer;
import org.obtainingwater.support.AppOnH2;
import org.obtainingwater.support.AtOnce;
import org.obtainingwater.support.DefaultEngine;
import org.obtainingwater.support.Staff;
import org.obtainingwater.support.WithJobExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Two members of staff at the same task at the same moment, through engine-rest as Tasklist calls
 * it: one wins, the other is told plainly that a colleague was first (409), never a 500, and the
 * case moves on once.
 */
@AppOnH2
@WithJobExecutor
class StaffConflictTests {

  /** A second intake clerk beside the demo profile's lina. */
  static final String COLLEAGUE = "zhangwei";

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  IdentityService identity;

  Staff staff;

  @BeforeEach
  void aSecondIntakeClerk() {
    DefaultEngine.use(engine);
    staff = Staff.engineRest(port);
    if (identity.createUserQuery().userId(COLLEAGUE).count() == 0) {
      User user = identity.newUser(COLLEAGUE);
      user.setFirstName("张伟");
      user.setLastName("");
      user.setPassword("demo");
      identity.saveUser(user);
      identity.createMembership(COLLEAGUE, StaffGroup.INTAKE.id());
    }
  }

  @Test
  void twoClerksCompleteTheSameTaskAtOnce_oneWins_theOtherIsToldAColleagueWasFirst() throws Exception {
    for (int round = 0; round < 10; round++) {
      String instanceId = startCase();
      String taskId = awaitTask(instanceId, REVIEW_APPLICATION);
      Map<String, Object> accept = Map.of("variables", Map.of("intakeDecision", Map.of("value", "accepted")));

      List<Answer> answers = AtOnce.run(
          () -> staff.as("lina").post("/task/" + taskId + "/complete", accept),
          () -> staff.as(COLLEAGUE).post("/task/" + taskId + "/complete", accept));

      assertThat(answers).extracting(Answer::status).as(answers.toString()).containsExactlyInAnyOrder(204, 409);
      JsonNode conflict = answers.stream().filter(a -> a.status() == 409).findFirst().orElseThrow().json();
      assertThat(conflict.get("message").asText()).contains("已由其他人办理");
      assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(instanceId)
          .taskDefinitionKey(REVIEW_APPLICATION).finished().count()).isEqualTo(1);
      awaitTask(instanceId, SURVEY_SITE);
      assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instanceId)
          .taskDefinitionKey(SURVEY_SITE).count()).as("the case moved on once").isEqualTo(1);
    }
  }

  @Test
  void aTaskAColleagueAlreadyClaimed_cannotBeClaimedAgain_andTheAnswerSaysByWhom() throws Exception {
    String taskId = awaitTask(startCase(), REVIEW_APPLICATION);
    assertThat(staff.as("lina").post("/task/" + taskId + "/claim", "{\"userId\":\"lina\"}").status()).isEqualTo(204);

    Answer second = staff.as(COLLEAGUE).post("/task/" + taskId + "/claim", "{\"userId\":\"" + COLLEAGUE + "\"}");

    assertThat(second.status()).as(second.body()).isEqualTo(409);
    assertThat(second.json().get("message").asText()).contains("lina");
  }

  @Test
  void aTaskThatNeverExisted_isNotFound() throws Exception {
    Answer answer = staff.as("lina").post("/task/no-such-task/complete", "{}");
    assertThat(answer.status()).as(answer.body()).isEqualTo(404);
  }

  private String startCase() throws Exception {
    Map<String, Object> body = Map.of("variables", Map.of(
        "applicantName", Map.of("value", "株洲市天元区示范小学"),
        "contactPhone", Map.of("value", "13807331234"),
        "siteAddress", Map.of("value", "天元区泰山路 88 号"),
        "useType", Map.of("value", "publicService"),
        "expectedPeakDemand", Map.of("value", 12),
        "channel", Map.of("value", "counter")));
    Answer started = staff.as("lina").post("/process-definition/key/obtainingWater/submit-form", body);
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    return started.json().get("id").asText();
  }

  private String awaitTask(String instanceId, String taskKey) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (Instant.now().isBefore(deadline)) {
      JsonNode tasks = staff.as("admin").get("/task?processInstanceId=" + instanceId + "&taskDefinitionKey=" + taskKey)
          .json();
      if (tasks.size() == 1) {
        return tasks.get(0).get("id").asText();
      }
      Thread.sleep(50);
    }
    throw new AssertionError("task " + taskKey + " never appeared");
  }

}
