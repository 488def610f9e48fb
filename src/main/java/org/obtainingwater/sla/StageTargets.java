package org.obtainingwater.sla;

import java.util.Map;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Function;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.obtainingwater.cases.Stage;
import org.springframework.stereotype.Component;

/**
 * The utility's service-level targets in working days (a stage's may be a fraction: 0.5 is half an office day), read from the decision table
 * {@code bpmn/stage-targets.dmn} that analysts own: {@value #STAGE_TARGET} per stage and
 * {@value #CASE_TARGET} for the whole case. The latest deployed version applies, also to running
 * cases: a target an analyst changes applies to every task created after the deployment.
 *
 * <p>The table is evaluated with the engine's DMN engine, without writing a decision instance to
 * history and without the staff member's authorizations: reading a target is bookkeeping of the
 * task being created, not a decision about the case.
 */
@Component("stageTargets")
public class StageTargets {

  public static final String STAGE_TARGET = "stageTarget";
  public static final String CASE_TARGET = "caseTarget";
  static final String TARGET_WORKING_DAYS = "targetWorkingDays";

  private final ProcessEngineConfigurationImpl engine;
  private final WorkingCalendar calendar;
  private final CustomerTime customerTime;

  StageTargets(ProcessEngine processEngine, WorkingCalendar calendar, CustomerTime customerTime) {
    this.engine = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    this.calendar = calendar;
    this.customerTime = customerTime;
  }

  /**
   * The stage's target in working days, possibly a fraction (0.5: half an office day); empty for stages without
   * one (received, water on, closed).
   */
  public OptionalDouble targetWorkingDays(Stage stage) {
    Number days = evaluate(STAGE_TARGET, Map.of("stage", stage.name()));
    return days == null ? OptionalDouble.empty() : OptionalDouble.of(days.doubleValue());
  }

  /** The whole case's target in working days of the utility's own time (permits and construction excluded). */
  public int caseTargetWorkingDays(boolean externalWorks) {
    Number days = evaluate(CASE_TARGET, Map.of("externalWorks", externalWorks));
    if (days == null) {
      throw new IllegalStateException("Decision " + CASE_TARGET + " gives no target for externalWorks=" + externalWorks);
    }
    return days.intValue();
  }

  /**
   * The stages whose time the case target counts, in order: the utility's own work from application to water on.
   * Permits and construction are excluded by the policy's count (DOMAIN.md), so this is the whole fast path and the
   * utility's share of a case with external works.
   */
  public static final List<Stage> COUNTED_STAGES = List.of(Stage.INTAKE, Stage.SURVEY, Stage.DESIGN, Stage.METERING);

  /**
   * Where the stage targets contradict the case target (docs/adr/0028): every counted stage on time must mean the
   * case on time, so their sum may not exceed either case target. The case target wins: it is what the customer
   * is promised; the stage targets are its budget. Empty when the table adds up.
   */
  public List<String> contradictions() {
    return contradictions(this::targetWorkingDays, this::caseTargetWorkingDays);
  }

  static List<String> contradictions(Function<Stage, OptionalDouble> stageTarget, Function<Boolean, Integer> caseTarget) {
    List<String> found = new ArrayList<>();
    double sum = 0;
    StringBuilder terms = new StringBuilder();
    for (Stage stage : COUNTED_STAGES) {
      OptionalDouble target = stageTarget.apply(stage);
      if (target.isEmpty()) {
        found.add(stage.label() + "没有环节时限");
        continue;
      }
      sum += target.getAsDouble();
      terms.append(terms.length() == 0 ? "" : " + ").append(stage.label()).append(' ').append(days(target.getAsDouble()));
    }
    for (boolean externalWorks : new boolean[] {false, true}) {
      int promised = caseTarget.apply(externalWorks);
      if (sum > promised + 1e-9) {
        found.add((externalWorks ? "有外线工程" : "无外线工程") + "：环节时限之和 " + terms + " = " + days(sum)
            + " 个工作日，超过全流程办理时限 " + promised + " 个工作日");
      }
    }
    return found;
  }

  /** A number of working days as staff read it: {@code 1}, {@code 0.5}. */
  public static String days(double workingDays) {
    return workingDays == Math.rint(workingDays) ? Long.toString((long) workingDays)
        : java.math.BigDecimal.valueOf(workingDays).stripTrailingZeros().toPlainString();
  }

  /**
   * The stage's target as an ISO-8601 duration of working time, for a task's due date or a timer
   * in the diagram: {@code camunda:dueDate="${stageTargets.dueIn('SURVEY')}"}.
   */
  public String dueIn(String stageName) {
    Stage stage = Stage.valueOf(stageName);
    double days = targetWorkingDays(stage).orElseThrow(() -> new IllegalStateException(
        "Decision " + STAGE_TARGET + " gives no target for stage " + stageName));
    long whole = (long) Math.floor(days);
    if (whole == days) {
      return "P" + whole + "D";
    }
    // A fraction of a working day is that share of the office day, in whole minutes (the working calendar counts
    // P1D as one office day and PT..M as office minutes).
    long minutes = Math.round((days - whole) * calendar.officeDay().toMinutes());
    return (whole > 0 ? "P" + whole + "DT" : "PT") + minutes + "M";
  }

  /**
   * As {@link #dueIn(String)}, for a stage whose task is created again after the clock stopped for the customer
   * (docs/adr/0045): then the task, and its overdue timer with the same expression, is due at the stage's first
   * task's due date plus all of the stage's customer time (a {@link Date}, which the engine takes as it is for both);
   * otherwise the stage target from now. In the diagram: {@code ${stageTargets.dueIn('SURVEY', execution)}}.
   */
  public Object dueIn(String stageName, DelegateExecution execution) {
    String target = dueIn(stageName);
    String number = execution.getProcessBusinessKey();
    if (number == null) {
      return target;
    }
    return customerTime.dueAfterCustomerTime(number, Stage.valueOf(stageName)).<Object>map(Date::from).orElse(target);
  }

  private Number evaluate(String decisionKey, Map<String, Object> variables) {
    return engine.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(() -> {
      DmnDecision decision = (DmnDecision) context.getProcessEngineConfiguration().getDeploymentCache()
          .findDeployedLatestDecisionDefinitionByKey(decisionKey);
      DmnDecisionResult result = engine.getDmnEngine().evaluateDecision(decision, variables);
      Object value = result.isEmpty() ? null : result.getSingleEntry();
      return value == null ? null : (Number) value;
    }));
  }
}
