package org.obtainingwater.support;

import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.BUILD_EXTERNAL_PIPELINE;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.CALL_BACK_CUSTOMER;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.DESIGN_SUPPLY_SCHEME;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.INSTALL_METER;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.RECORD_GREENERY_PERMIT_DECISION;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.RECORD_ROAD_PERMIT_DECISION;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.REVIEW_APPLICATION;
import static org.obtainingwater.process.ObtainingWaterProcess.UserTasks.SURVEY_SITE;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Staff working a case through engine-rest as Tasklist does: each task by the demo user of its stage, with
 * what that user enters in the form (both permits, the pipe built, the meter in, a satisfied callback).
 */
public final class StaffWalk {

  /** Who works each task. */
  public static final Map<String, String> STAFF = Map.of(REVIEW_APPLICATION, "lina", SURVEY_SITE, "wangqiang",
      DESIGN_SUPPLY_SCHEME, "zhaomin", RECORD_ROAD_PERMIT_DECISION, "chenjie", RECORD_GREENERY_PERMIT_DECISION, "chenjie",
      BUILD_EXTERNAL_PIPELINE, "liuyang", INSTALL_METER, "sunhao", CALL_BACK_CUSTOMER, "zhoufang");

  /** What they enter in each task's form. */
  public static final Map<String, Map<String, Object>> ENTERED = Map.of(
      REVIEW_APPLICATION, Map.of("intakeDecision", "accepted"),
      SURVEY_SITE, Map.of("surveyConclusion", "feasible", "connectionPoint", "建设南路 DN300 市政管", "externalPipeLength", 180,
          "crossesRoad", true, "crossesGreenBelt", true, "peakFlow", 12.5, "meterPosition", "红线内东侧围墙处"),
      DESIGN_SUPPLY_SCHEME, Map.of("supplyPipeDn", 80, "meterDn", 50, "inRedLineBudget", 26000),
      RECORD_ROAD_PERMIT_DECISION, Map.of("permitDecision", "approved", "permitNumber", "株建占字〔2026〕501号"),
      RECORD_GREENERY_PERMIT_DECISION, Map.of("permitDecision", "approved", "permitNumber", "株园林许〔2026〕501号"),
      BUILD_EXTERNAL_PIPELINE, Map.of("laidLength", 182.5, "pressureTestResult", "passed", "flushingCompleted", true),
      INSTALL_METER, Map.of("meterSerialNumber", "ZZ2026-050-0001", "meterDn", 50, "initialReading", 0,
          "waterOnAt", "2026-11-26T16:00+08:00"),
      CALL_BACK_CUSTOMER, Map.of("satisfactionScore", 5, "callbackRemarks", "中途系统重启也没耽误"));

  private StaffWalk() {
  }

  /**
   * Completes the case's tasks through engine-rest, each as its stage's user, until the task {@code waiting} is
   * open (the job executor runs the asynchronous steps in between); e.g. the survey, where a visit is booked.
   */
  public static void toTask(Staff engineRest, String applicationNumber, String waiting, Duration within) {
    String user = STAFF.get(waiting);
    toTheEnd(engineRest, applicationNumber, () -> {
      Answer open = engineRest.as(user).get("/task?processInstanceBusinessKey=" + applicationNumber
          + "&taskDefinitionKey=" + waiting);
      return open.status() == 200 && open.json().size() > 0;
    }, within, waiting);
  }

  /**
   * Completes the case's tasks through engine-rest, each as its stage's user, until {@code ended} says the
   * case is over (the job executor runs the asynchronous steps in between). Fails after {@code within}.
   */
  public static void toTheEnd(Staff engineRest, String applicationNumber, BooleanSupplier ended, Duration within) {
    toTheEnd(engineRest, applicationNumber, ended, within, null);
  }

  private static void toTheEnd(Staff engineRest, String applicationNumber, BooleanSupplier ended, Duration within,
      String leaveOpen) {
    Instant deadline = Instant.now().plus(within);
    while (!ended.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("case " + applicationNumber + " not ended within " + within);
      }
      for (Map.Entry<String, String> work : STAFF.entrySet()) {
        if (work.getKey().equals(leaveOpen)) {
          continue;
        }
        Answer tasks = engineRest.as(work.getValue()).get("/task?processInstanceBusinessKey=" + applicationNumber
            + "&taskDefinitionKey=" + work.getKey());
        if (tasks.status() != 200) {
          throw new AssertionError(work.getValue() + " cannot list tasks: " + tasks);
        }
        for (JsonNode task : tasks.json()) {
          Map<String, Object> variables = new LinkedHashMap<>();
          ENTERED.get(work.getKey()).forEach((name, value) -> variables.put(name, Map.of("value", value)));
          Answer done = engineRest.as(work.getValue()).post("/task/" + task.get("id").asText() + "/complete",
              Map.of("variables", variables));
          if (done.status() != 204 && done.status() != 404 && done.status() != 409) {
            throw new AssertionError(work.getKey() + " by " + work.getValue() + ": " + done);
          }
        }
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
