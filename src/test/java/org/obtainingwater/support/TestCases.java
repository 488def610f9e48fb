package org.obtainingwater.support;

import static org.obtainingwater.process.CaseVariables.APPLICANT_NAME;
import static org.obtainingwater.process.CaseVariables.CALLBACK_REMARKS;
import static org.obtainingwater.process.CaseVariables.CALLBACK_RESULT;
import static org.obtainingwater.process.CaseVariables.CHANNEL;
import static org.obtainingwater.process.CaseVariables.CLOSURE_REASON;
import static org.obtainingwater.process.CaseVariables.CONNECTION_POINT;
import static org.obtainingwater.process.CaseVariables.CONSTRUCTION_NOTES;
import static org.obtainingwater.process.CaseVariables.CONTACT_PHONE;
import static org.obtainingwater.process.CaseVariables.CROSSES_GREEN_BELT;
import static org.obtainingwater.process.CaseVariables.CROSSES_ROAD;
import static org.obtainingwater.process.CaseVariables.EXPECTED_APPLICATION_DATE;
import static org.obtainingwater.process.CaseVariables.EXPECTED_PEAK_DEMAND;
import static org.obtainingwater.process.CaseVariables.EXTERNAL_PIPE_LENGTH;
import static org.obtainingwater.process.CaseVariables.FLUSHING_COMPLETED;
import static org.obtainingwater.process.CaseVariables.INFEASIBILITY_REASON;
import static org.obtainingwater.process.CaseVariables.INITIAL_READING;
import static org.obtainingwater.process.CaseVariables.INTAKE_DECISION;
import static org.obtainingwater.process.CaseVariables.INTAKE_REJECTION_REASON;
import static org.obtainingwater.process.CaseVariables.IN_RED_LINE_BUDGET;
import static org.obtainingwater.process.CaseVariables.LAID_LENGTH;
import static org.obtainingwater.process.CaseVariables.METER_DN;
import static org.obtainingwater.process.CaseVariables.METER_POSITION;
import static org.obtainingwater.process.CaseVariables.METER_SERIAL_NUMBER;
import static org.obtainingwater.process.CaseVariables.PEAK_FLOW;
import static org.obtainingwater.process.CaseVariables.PERMIT_DECISION;
import static org.obtainingwater.process.CaseVariables.PERMIT_NUMBER;
import static org.obtainingwater.process.CaseVariables.PERMIT_REJECTION_REASON;
import static org.obtainingwater.process.CaseVariables.PERMIT_REVISION_NOTE;
import static org.obtainingwater.process.CaseVariables.PIPE_AHEAD_DECISION;
import static org.obtainingwater.process.CaseVariables.PIPE_AHEAD_NOTE;
import static org.obtainingwater.process.CaseVariables.PRESSURE_TEST_RESULT;
import static org.obtainingwater.process.CaseVariables.PROJECT_NAME;
import static org.obtainingwater.process.CaseVariables.PROJECT_REFERENCE;
import static org.obtainingwater.process.CaseVariables.RECTIFICATION_NOTE;
import static org.obtainingwater.process.CaseVariables.SATISFACTION_SCORE;
import static org.obtainingwater.process.CaseVariables.SITE_ADDRESS;
import static org.obtainingwater.process.CaseVariables.SUPPLY_PIPE_DN;
import static org.obtainingwater.process.CaseVariables.SURVEY_CONCLUSION;
import static org.obtainingwater.process.CaseVariables.USE_TYPE;
import static org.obtainingwater.process.CaseVariables.WATER_ON_AT;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.obtainingwater.process.CaseVariables;
import org.obtainingwater.process.ProcessVariable;

/** What each form submits in a typical case, varied per test. Values as Tasklist sends them. */
public final class TestCases {

  /** A typed variable map: {@code vars().with(X, 1).with(Y, "a")}. */
  public static final class Vars {
    private final VariableMap map = Variables.createVariables();

    public <T> Vars with(ProcessVariable<T> variable, T value) {
      map.putValue(variable.name(), value);
      return this;
    }

    public VariableMap map() {
      return map;
    }
  }

  public static Vars vars() {
    return new Vars();
  }

  public static VariableMap application() {
    return vars()
        .with(APPLICANT_NAME, "株洲宏俊汽车贸易有限公司")
        .with(CONTACT_PHONE, "13812345678")
        .with(SITE_ADDRESS, "天元区株洲大道北辅路 88 号")
        .with(USE_TYPE, "commercial")
        .with(EXPECTED_PEAK_DEMAND, 12.0)
        .with(CHANNEL, "hotline")
        .map();
  }

  /** A home's application: a quoted fee is paid before the works (the paymentTiming decision, docs/adr/0043). */
  public static VariableMap residentialApplication() {
    VariableMap application = application();
    application.putValue(USE_TYPE.name(), "residential");
    return application;
  }

  /** An application that names a pre-engaged project (提前办). */
  public static VariableMap application(String projectReference) {
    VariableMap application = application();
    application.putValue(PROJECT_REFERENCE.name(), projectReference);
    return application;
  }

  private static final AtomicInteger PROJECTS = new AtomicInteger(ThreadLocalRandom.current().nextInt(100_000, 800_000));

  /** A project reference no other test in this JVM uses (the database outlives a test). */
  public static String newProjectReference() {
    return "2026-430211-47-01-" + PROJECTS.incrementAndGet();
  }

  /** What the account manager registers for a project from the city's list, expected to apply in three months. */
  public static VariableMap projectListed(String projectReference) {
    return vars()
        .with(PROJECT_REFERENCE, projectReference)
        .with(PROJECT_NAME, "株洲轨道交通装备产业园三期")
        .with(SITE_ADDRESS, "天元区栗雨工业园长江北路 18 号")
        .with(EXPECTED_PEAK_DEMAND, 150.0)
        .with(EXPECTED_APPLICATION_DATE, LocalDate.now(ZoneId.of("Asia/Shanghai")).plusMonths(3).toString())
        .map();
  }

  public static VariableMap pipeAhead(String decision) {
    return vars().with(PIPE_AHEAD_DECISION, decision).with(PIPE_AHEAD_NOTE, "园区道路开挖窗口期内施工").map();
  }

  public static VariableMap projectClosed(String reason) {
    return vars().with(CLOSURE_REASON, reason).map();
  }

  public static VariableMap accepted() {
    return vars().with(INTAKE_DECISION, "accepted").map();
  }

  public static VariableMap rejected(String reason) {
    return vars().with(INTAKE_DECISION, "rejected").with(INTAKE_REJECTION_REASON, reason).map();
  }

  /** A feasible site; {@code externalPipeLength} 0 means no works outside the red line. */
  public static VariableMap surveyed(double externalPipeLength, boolean crossesRoad, boolean crossesGreenBelt) {
    return vars()
        .with(SURVEY_CONCLUSION, "feasible")
        .with(CONNECTION_POINT, "株洲大道 DN300 市政供水管")
        .with(EXTERNAL_PIPE_LENGTH, externalPipeLength)
        .with(CROSSES_ROAD, crossesRoad)
        .with(CROSSES_GREEN_BELT, crossesGreenBelt)
        .with(PEAK_FLOW, 12.5)
        .with(METER_POSITION, "红线内东侧围墙处")
        .map();
  }

  public static VariableMap notFeasible(String reason) {
    return vars().with(SURVEY_CONCLUSION, "notFeasible").with(INFEASIBILITY_REASON, reason).map();
  }

  public static VariableMap designed(int supplyPipeDn, int meterDn, double inRedLineBudget) {
    return vars().with(SUPPLY_PIPE_DN, supplyPipeDn).with(METER_DN, meterDn).with(IN_RED_LINE_BUDGET, inRedLineBudget)
        .map();
  }

  public static VariableMap permitApproved(String permitNumber) {
    return vars().with(PERMIT_DECISION, "approved").with(PERMIT_NUMBER, permitNumber).map();
  }

  public static VariableMap permitRejected(String reason) {
    return vars().with(PERMIT_DECISION, "rejected").with(PERMIT_REJECTION_REASON, reason).map();
  }

  public static VariableMap permitRevised(String note) {
    return vars().with(PERMIT_REVISION_NOTE, note).map();
  }

  public static VariableMap pipelineBuilt() {
    return vars().with(LAID_LENGTH, 82.0).with(PRESSURE_TEST_RESULT, "passed").with(FLUSHING_COMPLETED, true).map();
  }

  public static VariableMap pressureTestFailed(String rework) {
    return vars().with(LAID_LENGTH, 82.0).with(PRESSURE_TEST_RESULT, "failed").with(CONSTRUCTION_NOTES, rework).map();
  }

  public static VariableMap meterInstalled(int meterDn) {
    return vars()
        .with(METER_SERIAL_NUMBER, "ZZ2026-000817")
        .with(METER_DN, meterDn)
        .with(INITIAL_READING, 0.0)
        .with(WATER_ON_AT, "2026-11-26T10:30+08:00")
        .map();
  }

  public static VariableMap calledBack(int score, String remarks) {
    return vars().with(SATISFACTION_SCORE, score).with(CALLBACK_REMARKS, remarks).map();
  }

  /** A callback that found nobody (回访结果 未接通), with what happened. */
  public static VariableMap unreachable(String remarks) {
    return vars().with(CALLBACK_RESULT, "unreachable").with(CALLBACK_REMARKS, remarks).map();
  }

  public static VariableMap rectified(String note) {
    return vars().with(RECTIFICATION_NOTE, note).map();
  }

  /**
   * Survey or metering staff stop the clock for the customer (等待客户条件具备, docs/adr/0045) with a reason code from
   * {@code process.PauseReason}: siteNotReady, customerPostponed or customerUnreachable.
   */
  public static VariableMap awaitingCustomer(String reason) {
    return vars().with(CaseVariables.AWAITING_CUSTOMER, true).with(CaseVariables.PAUSE_REASON, reason)
        .with(CaseVariables.PAUSE_REMARK, "客户说下周才能完成场地平整").map();
  }

  /** Staff resume a paused case in Tasklist (恢复办理), with their note. */
  public static VariableMap resumed(String note) {
    return vars().with(CaseVariables.RESUME_NOTE, note).map();
  }

  private TestCases() {
  }
}
