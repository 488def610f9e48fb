package org.obtainingwater.sla;

import java.util.Map;
import java.util.OptionalInt;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.obtainingwater.cases.Stage;
import org.springframework.stereotype.Component;

/**
 * The utility's service-level targets in working days, read from the decision table
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

  StageTargets(ProcessEngine processEngine) {
    this.engine = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
  }

  /** The stage's target in working days; empty for stages without one (received, water on, closed). */
  public OptionalInt targetWorkingDays(Stage stage) {
    Integer days = evaluate(STAGE_TARGET, Map.of("stage", stage.name()));
    return days == null ? OptionalInt.empty() : OptionalInt.of(days);
  }

  /** The whole case's target in working days of the utility's own time (permits and construction excluded). */
  public int caseTargetWorkingDays(boolean externalWorks) {
    Integer days = evaluate(CASE_TARGET, Map.of("externalWorks", externalWorks));
    if (days == null) {
      throw new IllegalStateException("Decision " + CASE_TARGET + " gives no target for externalWorks=" + externalWorks);
    }
    return days;
  }

  /**
   * The stage's target as an ISO-8601 duration of working time, for a task's due date or a timer
   * in the diagram: {@code camunda:dueDate="${stageTargets.dueIn('SURVEY')}"}.
   */
  public String dueIn(String stageName) {
    Stage stage = Stage.valueOf(stageName);
    return "P" + targetWorkingDays(stage).orElseThrow(() -> new IllegalStateException(
        "Decision " + STAGE_TARGET + " gives no target for stage " + stageName)) + "D";
  }

  private Integer evaluate(String decisionKey, Map<String, Object> variables) {
    return engine.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(() -> {
      DmnDecision decision = (DmnDecision) context.getProcessEngineConfiguration().getDeploymentCache()
          .findDeployedLatestDecisionDefinitionByKey(decisionKey);
      DmnDecisionResult result = engine.getDmnEngine().evaluateDecision(decision, variables);
      Object value = result.isEmpty() ? null : result.getSingleEntry();
      return value == null ? null : ((Number) value).intValue();
    }));
  }
}
