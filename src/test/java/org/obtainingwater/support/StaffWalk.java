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
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import org.obtainingwater.permits.FiledPermit;
import org.obtainingwater.permits.PermitKind;
import org.obtainingwater.process.ObtainingWaterProcess;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Staff working a case through engine-rest as Tasklist does: each task by the demo user of its stage, with
 * what that user enters in the form (both permits, the pipe built, the meter in, a satisfied callback); and the
 * city's permit platform reporting its decisions through its callback, as it normally does (docs/adr/0041). The
 * permit agent's record tasks are in the walk too: they open when the platform stays silent.
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
   * The platform reports the approval in {@link #ENTERED} for this filing through its callback: 200 when applied,
   * 409 when the filing was decided already (by the agent, or an earlier report).
   */
  public static Answer platformDecides(ApiClient platform, String reference, PermitKind kind) {
    try {
      Map<String, Object> entered = ENTERED.get(kind.decisionTask());
      return platform.decide(reference, new ObjectMapper().writeValueAsString(Map.of(
          "decision", entered.get("permitDecision"), "permitNumber", entered.get("permitNumber"))));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The platform stays silent on the case's permit of this kind for its working day: an administrator's engine-rest
   * runs the permit's fallback timer now (the test cannot wait a working day), and the permit agent's task opens.
   * Waits until the permit waits for the platform. Fails after {@code within}.
   */
  public static void platformSilent(Staff engineRest, String processInstanceId, PermitKind kind, Duration within) {
    timerFiresNow(engineRest, processInstanceId, kind.decisionNotReceived(), within);
  }

  /**
   * The case's timer of this boundary event fires now (the test cannot wait its working days): an administrator's
   * engine-rest runs its job, once the case has it. Fails after {@code within} without the timer.
   */
  public static void timerFiresNow(Staff engineRest, String processInstanceId, String timer, Duration within) {
    Instant deadline = Instant.now().plus(within);
    while (Instant.now().isBefore(deadline)) {
      Answer jobs = engineRest.as("admin").get("/job?processInstanceId=" + processInstanceId + "&activityId=" + timer);
      if (jobs.status() != 200) {
        throw new AssertionError("admin cannot list jobs: " + jobs);
      }
      if (jobs.json().size() == 1) {
        Answer run = engineRest.as("admin").post("/job/" + jobs.json().get(0).get("id").asText() + "/execute", Map.of());
        if (run.status() != 204) {
          throw new AssertionError("the timer " + timer + ": " + run);
        }
        return;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("the case never waited at the timer " + timer);
  }

  /**
   * Completes the case's tasks through engine-rest, each as its stage's user, until the task {@code waiting} is
   * open (the job executor runs the asynchronous steps in between); e.g. the survey, where a visit is booked.
   */
  public static void toTask(Staff engineRest, ApiClient platform, Function<String, List<FiledPermit>> filings,
      String applicationNumber, String waiting, Duration within) {
    String user = STAFF.get(waiting);
    toTheEnd(engineRest, platform, filings, applicationNumber, () -> {
      Answer open = engineRest.as(user).get("/task?processInstanceBusinessKey=" + applicationNumber
          + "&taskDefinitionKey=" + waiting);
      return open.status() == 200 && open.json().size() > 0;
    }, within, waiting);
  }

  /**
   * The counter clerk records that the customer signed the printed supply contract (docs/adr/0040) through the staff
   * door {@code POST /api/v1/staff/contracts/{n}/counter-signature}; {@code app} calls the application's own paths.
   */
  public static Answer counterSigns(Staff app, String applicationNumber, String documentSha256) {
    return app.as(STAFF.get(REVIEW_APPLICATION)).post("/api/v1/staff/contracts/" + applicationNumber
        + "/counter-signature", Map.of("documentSha256", documentSha256));
  }

  /**
   * Walks the case to its survey and the surveyor stops the clock for the customer there (等待客户条件具备,
   * docs/adr/0045) with the reason code, through the task's form as Tasklist submits it.
   */
  public static void toSurveyPaused(Staff engineRest, ApiClient platform, Function<String, List<FiledPermit>> filings,
      String applicationNumber, String reason, Duration within) {
    toTask(engineRest, platform, filings, applicationNumber, SURVEY_SITE, within);
    String user = STAFF.get(SURVEY_SITE);
    Answer open = engineRest.as(user).get("/task?processInstanceBusinessKey=" + applicationNumber
        + "&taskDefinitionKey=" + SURVEY_SITE);
    Answer paused = engineRest.as(user).post("/task/" + open.json().get(0).get("id").asText() + "/submit-form",
        Map.of("variables", Map.of("awaitingCustomer", Map.of("value", true), "pauseReason", Map.of("value", reason))));
    if (paused.status() != 204) {
      throw new AssertionError("the survey of " + applicationNumber + " paused: " + paused);
    }
  }

  /** What the designer enters for a case whose fee is charged: a DN150 supply pipe (docs/adr/0043). */
  public static final Map<String, Object> CHARGED_DESIGN = Map.of("supplyPipeDn", 150, "meterDn", 100,
      "inRedLineBudget", 86000);

  /**
   * Completes the case's tasks through engine-rest up to the design, which the designer completes with
   * {@link #CHARGED_DESIGN}: the case is then quoted and waits for the customer's acceptance.
   */
  public static void toQuote(Staff engineRest, ApiClient platform, Function<String, List<FiledPermit>> filings,
      String applicationNumber, Duration within) {
    toTask(engineRest, platform, filings, applicationNumber, DESIGN_SUPPLY_SCHEME, within);
    Answer open = engineRest.as(STAFF.get(DESIGN_SUPPLY_SCHEME)).get("/task?processInstanceBusinessKey="
        + applicationNumber + "&taskDefinitionKey=" + DESIGN_SUPPLY_SCHEME);
    Map<String, Object> variables = new LinkedHashMap<>();
    CHARGED_DESIGN.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    Answer done = engineRest.as(STAFF.get(DESIGN_SUPPLY_SCHEME)).post("/task/" + open.json().get(0).get("id").asText()
        + "/complete", Map.of("variables", variables));
    if (done.status() != 204) {
      throw new AssertionError("the charged design of " + applicationNumber + ": " + done);
    }
  }

  /**
   * Completes the case's tasks through engine-rest, each as its stage's user, until {@code ended} says the
   * case is over (the job executor runs the asynchronous steps in between). Fails after {@code within}.
   */
  public static void toTheEnd(Staff engineRest, ApiClient platform, Function<String, List<FiledPermit>> filings,
      String applicationNumber, BooleanSupplier ended, Duration within) {
    toTheEnd(engineRest, platform, filings, applicationNumber, ended, within, null);
  }

  private static void toTheEnd(Staff engineRest, ApiClient platform, Function<String, List<FiledPermit>> filings,
      String applicationNumber, BooleanSupplier ended, Duration within, String leaveOpen) {
    Instant deadline = Instant.now().plus(within);
    while (!ended.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("case " + applicationNumber + " not ended within " + within);
      }
      for (FiledPermit filing : filings.apply(applicationNumber)) {
        if (!filing.decided() && !filing.withdrawn() && !"filing".equals(filing.procedure())) {
          Answer decided = platformDecides(platform, filing.reference(), filing.kind());
          if (decided.status() != 200 && decided.status() != 409) {
            throw new AssertionError("the platform's decision on " + filing.reference() + ": " + decided);
          }
        }
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
