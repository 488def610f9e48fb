package org.obtainingwater;

import static org.assertj.core.api.Assertions.assertThat;
import static org.obtainingwater.process.CaseVariables.APPLICANT_NAME;
import static org.obtainingwater.process.CaseVariables.CONNECTION_POINT;
import static org.obtainingwater.process.CaseVariables.EXTERNAL_PIPE_LENGTH;
import static org.obtainingwater.process.CaseVariables.INTAKE_DECISION;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.DESIGN_SUPPLY_SCHEME;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.REVIEW_APPLICATION;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.SURVEY_SITE;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.obtainingwater.support.NodeScript;
import org.obtainingwater.support.AppOnH2;
import org.obtainingwater.support.WithJobExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Staff's day in a real browser: the application runs (random port, job executor on, demo users),
 * and {@code src/test/browser/tasklist-flow.mjs} drives headless Debian Chromium through Tasklist
 * in Chinese: lina starts a case from the start form and accepts it, wangqiang finds it in his
 * survey queue with the
 * visit booked (through the staff door) on the card and read-only in the form, fills the survey form and completes it; the supervisor opens it in Cockpit. The
 * script fails on a form that does not render, a missing or unknown field, an error notice or a
 * failed request; it stores screenshots in target/screenshots/ ({@code npm run check} publishes them to
 * docs/images/, so a plain verify leaves tracked files alone). Chromium missing fails the test: .ci/run
 * installs it.
 */
@AppOnH2
@WithJobExecutor
class TasklistBrowserIT {

  static final String APPLICANT = "株洲新马动力机械有限公司";
  static final Path SCRIPT = Path.of("src/test/browser/tasklist-flow.mjs");
  static final Path SCREENSHOTS = Path.of("target/screenshots");

  @LocalServerPort
  int port;
  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  HistoryService history;

  @Test
  void intakeStartsACase_andTheSurveyorCompletesItsSurvey_inTasklistInChinese() throws Exception {
    assertThat(new File("/usr/bin/chromium")).as("Debian chromium (installed by .ci/run)").exists();
    Instant started = Instant.now().minusSeconds(1);

    NodeScript.Run browser = NodeScript.run(Duration.ofMinutes(4), SCRIPT, "http://localhost:" + port,
        SCREENSHOTS.toString(), APPLICANT);
    System.out.println(browser.output());
    assertThat(browser.finished()).as("browser walk-through finished in time").isTrue();
    assertThat(browser.exitCode()).as("browser walk-through:\n" + browser.output()).isZero();

    // What the browser did is what the engine recorded.
    ProcessInstance instance = runtime.createProcessInstanceQuery()
        .variableValueEquals(APPLICANT_NAME.name(), APPLICANT).singleResult();
    assertThat(instance).as("the case started in Tasklist").isNotNull();
    assertThat(instance.getBusinessKey()).matches("GW-\\d{4}-\\d{6}");
    assertThat(completedBy(instance, REVIEW_APPLICATION)).isEqualTo("lina");
    assertThat(completedBy(instance, SURVEY_SITE)).isEqualTo("wangqiang");
    assertThat(runtime.getVariable(instance.getId(), INTAKE_DECISION.name())).isEqualTo("accepted");
    assertThat(runtime.getVariable(instance.getId(), CONNECTION_POINT.name())).isEqualTo("新丰路 DN400 市政管");
    assertThat(((Number) runtime.getVariable(instance.getId(), EXTERNAL_PIPE_LENGTH.name())).doubleValue())
        .isEqualTo(160.0);
    assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getTaskDefinitionKey())
        .isEqualTo(DESIGN_SUPPLY_SCHEME);
    for (String picture : List.of("tasklist-intake-task.png", "tasklist-survey-visit.png", "tasklist-survey-form.png",
        "cockpit-case.png")) {
      assertThat(SCREENSHOTS.resolve(picture)).as(picture).exists();
      assertThat(Files.getLastModifiedTime(SCREENSHOTS.resolve(picture)).toInstant())
          .as(picture + " taken by this run").isAfter(started);
    }
  }

  private String completedBy(ProcessInstance instance, String taskKey) {
    HistoricTaskInstance task = history.createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(taskKey).finished().singleResult();
    assertThat(task).as(taskKey + " completed").isNotNull();
    return task.getAssignee();
  }
}
