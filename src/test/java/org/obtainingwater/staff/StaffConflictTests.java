package org.obtainingwater.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.REVIEW_APPLICATION;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.SURVEY_SITE;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.obtainingwater.support.AtOnce;
import org.obtainingwater.support.DefaultEngine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Two members of staff at the same task at the same moment, through engine-rest as Tasklist calls
 * it: one wins, the other is told plainly that a colleague was first (409), never a 500, and the
 * case moves on once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=true")
@ActiveProfiles({"demo", "test"})
class StaffConflictTests {

  /** A second intake clerk beside the demo profile's lina. */
  static final String COLLEAGUE = "zhangwei";

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  IdentityService identity;

  final HttpClient http = HttpClient.newHttpClient();
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void aSecondIntakeClerk() {
    DefaultEngine.use(engine);
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
      String accept = json.writeValueAsString(Map.of("variables", Map.of(
          "intakeDecision", Map.of("value", "accepted"))));

      List<HttpResponse<String>> answers = AtOnce.run(
          () -> send("lina", "POST", "/task/" + taskId + "/complete", accept),
          () -> send(COLLEAGUE, "POST", "/task/" + taskId + "/complete", accept));

      assertThat(answers).extracting(HttpResponse::statusCode).as(bodies(answers)).containsExactlyInAnyOrder(204, 409);
      JsonNode conflict = json.readTree(answers.stream().filter(a -> a.statusCode() == 409).findFirst().orElseThrow().body());
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
    assertThat(send("lina", "POST", "/task/" + taskId + "/claim", "{\"userId\":\"lina\"}").statusCode()).isEqualTo(204);

    HttpResponse<String> second = send(COLLEAGUE, "POST", "/task/" + taskId + "/claim", "{\"userId\":\"" + COLLEAGUE + "\"}");

    assertThat(second.statusCode()).as(second.body()).isEqualTo(409);
    assertThat(json.readTree(second.body()).get("message").asText()).contains("lina");
  }

  @Test
  void aTaskThatNeverExisted_isNotFound() throws Exception {
    HttpResponse<String> answer = send("lina", "POST", "/task/no-such-task/complete", "{}");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(404);
  }

  private String startCase() throws Exception {
    String body = json.writeValueAsString(Map.of("variables", Map.of(
        "applicantName", Map.of("value", "株洲市天元区示范小学"),
        "contactPhone", Map.of("value", "13807331234"),
        "siteAddress", Map.of("value", "天元区泰山路 88 号"),
        "useType", Map.of("value", "publicService"),
        "expectedPeakDemand", Map.of("value", 12),
        "channel", Map.of("value", "counter"))));
    HttpResponse<String> started = send("lina", "POST", "/process-definition/key/obtainingWater/submit-form", body);
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    return json.readTree(started.body()).get("id").asText();
  }

  private String awaitTask(String instanceId, String taskKey) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (Instant.now().isBefore(deadline)) {
      JsonNode tasks = json.readTree(send("admin", "GET",
          "/task?processInstanceId=" + instanceId + "&taskDefinitionKey=" + taskKey, null).body());
      if (tasks.size() == 1) {
        return tasks.get(0).get("id").asText();
      }
      Thread.sleep(50);
    }
    throw new AssertionError("task " + taskKey + " never appeared");
  }

  private static String bodies(List<HttpResponse<String>> answers) {
    return answers.stream().map(a -> a.statusCode() + " " + a.body()).toList().toString();
  }

  private HttpResponse<String> send(String user, String method, String path, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest" + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json");
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
