package org.obtainingwater.cases;

import static org.obtainingwater.process.CaseVariables.APPLICANT_NAME;
import static org.obtainingwater.process.CaseVariables.CONTACT_PHONE;
import static org.obtainingwater.process.CaseVariables.EXPECTED_PEAK_DEMAND;
import static org.obtainingwater.process.CaseVariables.SITE_ADDRESS;
import static org.obtainingwater.process.CaseVariables.USE_TYPE;
import static org.obtainingwater.process.ObtainingWaterProcess.PROCESS_KEY;

import java.math.BigDecimal;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.obtainingwater.process.ObtainingWaterProcess.Elements;
import org.obtainingwater.process.ObtainingWaterProcess.UserTasks;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the case record's stage and outcome in step with the process: when the process enters an
 * element that begins a stage (or ends the case), the record moves, in the engine's transaction.
 * The diagram stays free of bookkeeping listeners; the elements are listed here and
 * {@code ProcessModelTests} checks that each still exists in the diagram.
 */
@Component
class CaseStageTracker {

  /** Element id to the stage that begins when the process enters it. */
  public static final Map<String, Stage> STAGE_STARTS = Map.ofEntries(
      Map.entry(UserTasks.REVIEW_APPLICATION, Stage.INTAKE),
      Map.entry(UserTasks.SURVEY_SITE, Stage.SURVEY),
      Map.entry(UserTasks.DESIGN_SUPPLY_SCHEME, Stage.DESIGN),
      Map.entry(Elements.ISSUE_QUOTE, Stage.PAYMENT),
      Map.entry(Elements.ROAD_PERMIT, Stage.PERMITS),
      Map.entry(Elements.GREENERY_PERMIT, Stage.PERMITS),
      Map.entry(Elements.ISSUE_WORK_ORDER, Stage.CONSTRUCTION),
      Map.entry(UserTasks.BUILD_EXTERNAL_PIPELINE, Stage.CONSTRUCTION),
      Map.entry(UserTasks.INSTALL_METER, Stage.METERING),
      Map.entry(Elements.OPEN_CUSTOMER_ACCOUNT, Stage.WATER_ON),
      Map.entry(UserTasks.CALL_BACK_CUSTOMER, Stage.CALLBACK),
      Map.entry(Elements.WITHDRAWAL, Stage.WITHDRAWAL));

  /** End event id to the outcome it records. */
  public static final Map<String, Outcome> OUTCOMES = Map.of(
      Elements.END_WATER_CONNECTED, Outcome.WATER_CONNECTED,
      Elements.END_APPLICATION_REJECTED, Outcome.REJECTED,
      Elements.END_CONNECTION_NOT_FEASIBLE, Outcome.NOT_FEASIBLE,
      Elements.END_APPLICATION_WITHDRAWN, Outcome.WITHDRAWN);

  private final CaseRecords records;

  CaseStageTracker(CaseRecords records) {
    this.records = records;
  }

  /** Called by the Camunda starter's Spring eventing for every execution event, in the engine's transaction. */
  @EventListener(condition = "#execution.eventName == '" + ExecutionListener.EVENTNAME_START + "'")
  public void onActivityStart(DelegateExecution execution) {
    String activity = execution.getCurrentActivityId();
    Stage stage = STAGE_STARTS.get(activity);
    Outcome outcome = OUTCOMES.get(activity);
    if ((stage == null && outcome == null) || !isCase(execution)) {
      return;
    }
    String number = execution.getProcessBusinessKey();
    if (stage != null) {
      refreshApplicant(number, execution);
      records.moveTo(number, stage);
    } else {
      records.finish(number, outcome);
    }
  }

  private static boolean isCase(DelegateExecution execution) {
    String definitionId = execution.getProcessDefinitionId();
    return definitionId != null && definitionId.startsWith(PROCESS_KEY + ":") && execution.getProcessBusinessKey() != null;
  }

  /** Intake may have corrected the applicant's data; the record follows at each stage. */
  private void refreshApplicant(String number, DelegateExecution execution) {
    records.refreshApplicant(number, APPLICANT_NAME.get(execution), CONTACT_PHONE.get(execution),
        SITE_ADDRESS.get(execution), USE_TYPE.get(execution), BigDecimal.valueOf(EXPECTED_PEAK_DEMAND.get(execution)));
  }
}
