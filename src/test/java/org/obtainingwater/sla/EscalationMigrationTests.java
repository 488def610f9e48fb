package org.obtainingwater.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.obtainingwater.TestCases.accepted;
import static org.obtainingwater.TestCases.application;
import static org.obtainingwater.TestCases.calledBack;
import static org.obtainingwater.TestCases.designed;
import static org.obtainingwater.TestCases.meterInstalled;
import static org.obtainingwater.TestCases.permitApproved;
import static org.obtainingwater.TestCases.permitRejected;
import static org.obtainingwater.TestCases.permitRevised;
import static org.obtainingwater.TestCases.pipelineBuilt;
import static org.obtainingwater.TestCases.surveyed;
import static org.obtainingwater.process.ObtainingWaterProcess.Elements.END_WATER_CONNECTED;
import static org.obtainingwater.process.ObtainingWaterProcess.PROCESS_KEY;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.BUILD_EXTERNAL_PIPELINE;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.CALL_BACK_CUSTOMER;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.DESIGN_SUPPLY_SCHEME;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.INSTALL_METER;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.RECORD_GREENERY_PERMIT_DECISION;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.RECORD_ROAD_PERMIT_DECISION;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.REVIEW_APPLICATION;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.REVISE_ROAD_PERMIT_APPLICATION;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.SURVEY_SITE;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.obtainingwater.CaseDriver;
import org.obtainingwater.TestCases;
import org.obtainingwater.process.ResourceDeployment;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Cases that started before the escalation timers existed move onto the version with them with the
 * project's command {@code tools/migrate-cases.mjs} (docs/adr/0015, 0018): each open task gets its
 * timer, due when the task is due (not a full target after the migration), and escalates like any other.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
@DirtiesContext // deploys two more versions of obtainingWater into its database
class EscalationMigrationTests {

  static final Map<String, Supplier<VariableMap>> WORK = new LinkedHashMap<>();

  static {
    WORK.put(REVIEW_APPLICATION, TestCases::accepted);
    WORK.put(SURVEY_SITE, () -> surveyed(0, false, false));
    WORK.put(DESIGN_SUPPLY_SCHEME, () -> designed(80, 50, 26_000));
    WORK.put(RECORD_ROAD_PERMIT_DECISION, () -> permitApproved("株占挖〔2026〕28号"));
    WORK.put(RECORD_GREENERY_PERMIT_DECISION, () -> permitApproved("株绿占〔2026〕17号"));
    WORK.put(REVISE_ROAD_PERMIT_APPLICATION, () -> permitRevised("改为夜间施工"));
    WORK.put(BUILD_EXTERNAL_PIPELINE, TestCases::pipelineBuilt);
    WORK.put(INSTALL_METER, () -> meterInstalled(50));
    WORK.put(CALL_BACK_CUSTOMER, () -> calledBack(5, "满意"));
  }

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;
  @Autowired
  RepositoryService repository;
  @Autowired
  RecordingSupervisorNotifier supervisors;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void casesOfTheVersionWithoutTimers_migrate_eachOpenTaskGetsItsTimerDueWithTheTask_andEscalates() throws Exception {
    OverdueEscalationContract.clockAt("2026-11-23T09:00");
    ProcessDefinition withoutTimers = deploy(diagramWithoutEscalations());
    CaseDriver cases = new CaseDriver(engine);
    List<ProcessInstance> waiting = new ArrayList<>();
    waiting.add(cases.apply(application()));
    ProcessInstance surveying = cases.apply(application());
    cases.complete(surveying, REVIEW_APPLICATION, accepted());
    waiting.add(surveying);
    ProcessInstance permits = cases.apply(application());
    cases.complete(permits, REVIEW_APPLICATION, accepted());
    cases.complete(permits, SURVEY_SITE, surveyed(180, true, true));
    cases.complete(permits, DESIGN_SUPPLY_SCHEME, designed(80, 50, 26_000));
    cases.complete(permits, RECORD_ROAD_PERMIT_DECISION, permitRejected("占道时间过长"));
    waiting.add(permits);
    ProcessInstance building = cases.apply(application());
    cases.complete(building, REVIEW_APPLICATION, accepted());
    cases.complete(building, SURVEY_SITE, surveyed(60, false, false));
    cases.complete(building, DESIGN_SUPPLY_SCHEME, designed(80, 50, 12_000));
    waiting.add(building);
    for (ProcessInstance instance : waiting) {
      assertThat(instance.getProcessDefinitionId()).isEqualTo(withoutTimers.getId());
      assertThat(timers(instance)).isEmpty();
    }

    OverdueEscalationContract.clockAt("2026-11-23T14:00"); // the migration runs later that day
    ProcessDefinition withTimers = deploy(Bpmn.readModelFromFile(new File("bpmn/obtaining-water.bpmn")));
    Run migrated = migrateCases();
    assertThat(migrated.exitCode()).as(migrated.output()).isZero();
    assertThat(migrated.output()).contains("escalation timer(s) set to their task's due date");

    for (ProcessInstance instance : waiting) {
      assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId())
          .singleResult().getProcessDefinitionId()).isEqualTo(withTimers.getId());
      List<Task> open = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).list();
      for (Task task : open) {
        String boundary = "boundaryEvent_" + task.getTaskDefinitionKey().substring("userTask_".length()) + "Overdue";
        assertThat(timers(instance)).as(task.getTaskDefinitionKey())
            .filteredOn(job -> boundary.equals(activityOf(job))).singleElement()
            .satisfies(job -> assertThat(job.getDuedate()).isEqualTo(task.getDueDate()));
      }
    }

    Task intake = cases.task(waiting.get(0), REVIEW_APPLICATION);
    OverdueEscalationContract.clockAt("2026-11-24T09:01"); // intake arrived Monday 09:00: due Tuesday 09:00
    cases.executeJobs(waiting.get(0));
    assertThat(supervisors.noticesFor(waiting.get(0).getBusinessKey())).hasSize(1);
    assertThat(engine.getTaskService().getVariableLocal(intake.getId(), "overdue")).isEqualTo(true);

    OverdueEscalationContract.clockAt("2026-11-24T09:30");
    for (ProcessInstance instance : waiting) {
      finish(cases, instance);
      assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
          .activityId(END_WATER_CONNECTED).count()).isEqualTo(1);
    }
  }

  /** Today's diagram as it was before issue 4's escalations: no boundary timers, no 超期督办 end events. */
  static BpmnModelInstance diagramWithoutEscalations() {
    BpmnModelInstance model = Bpmn.readModelFromFile(new File("bpmn/obtaining-water.bpmn"));
    List<BaseElement> removed = new ArrayList<>();
    for (BoundaryEvent timer : model.getModelElementsByType(BoundaryEvent.class)) {
      for (SequenceFlow flow : timer.getOutgoing()) {
        removed.add(flow);
        removed.add(flow.getTarget());
      }
      removed.add(timer);
    }
    for (BaseElement element : removed) {
      for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
        if (shape.getBpmnElement() == element) {
          shape.getParentElement().removeChildElement(shape);
        }
      }
      for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
        if (edge.getBpmnElement() == element) {
          edge.getParentElement().removeChildElement(edge);
        }
      }
    }
    for (BaseElement element : removed) {
      if (element instanceof FlowNode node) {
        node.getIncoming().clear();
        node.getOutgoing().clear();
      }
      element.getParentElement().removeChildElement(element);
    }
    assertThat(model.getModelElementsByType(BoundaryEvent.class)).isEmpty();
    return model;
  }

  private ProcessDefinition deploy(BpmnModelInstance model) throws IOException {
    DeploymentBuilder deployment = repository.createDeployment().name(ResourceDeployment.DEPLOYMENT_NAME)
        .addModelInstance("bpmn/obtaining-water.bpmn", model);
    for (String folder : List.of("bpmn", "forms")) {
      try (var files = Files.list(Path.of(folder))) {
        for (Path file : files.filter(path -> path.toString().matches(".*\\.(dmn|form)$")).toList()) {
          deployment.addString(folder + "/" + file.getFileName(), Files.readString(file, StandardCharsets.UTF_8));
        }
      }
    }
    deployment.deploy();
    return repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY).latestVersion().singleResult();
  }

  private void finish(CaseDriver cases, ProcessInstance instance) {
    for (int round = 0; round < 20; round++) {
      if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).count() == 0) {
        return;
      }
      for (Task task : engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).list()) {
        engine.getTaskService().complete(task.getId(), WORK.get(task.getTaskDefinitionKey()).get());
      }
      cases.executeJobs(instance);
    }
    throw new AssertionError(instance.getBusinessKey() + " did not finish");
  }

  private List<Job> timers(ProcessInstance instance) {
    return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers().list();
  }

  private String activityOf(Job job) {
    return engine.getManagementService().createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
        .singleResult().getActivityId();
  }

  record Run(int exitCode, String output) {
  }

  private Run migrateCases() throws Exception {
    Path log = Files.createTempFile("migrate-cases", ".log");
    ProcessBuilder builder = new ProcessBuilder("node", "tools/migrate-cases.mjs", "--url", "http://localhost:" + port)
        .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("OW_ADMIN_USER", "admin");
    builder.environment().put("OW_ADMIN_PASSWORD", "demo");
    java.lang.Process run = builder.start();
    assertThat(run.waitFor(2, TimeUnit.MINUTES)).as("migrate-cases finished").isTrue();
    return new Run(run.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }
}
