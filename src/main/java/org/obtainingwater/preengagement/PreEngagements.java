package org.obtainingwater.preengagement;

import static org.obtainingwater.process.CaseVariables.CONNECTION_POINT;
import static org.obtainingwater.process.CaseVariables.CROSSES_GREEN_BELT;
import static org.obtainingwater.process.CaseVariables.CROSSES_ROAD;
import static org.obtainingwater.process.CaseVariables.CUSTOMER_FEE;
import static org.obtainingwater.process.CaseVariables.DESIGN_NOTES;
import static org.obtainingwater.process.CaseVariables.EXTERNAL_PIPE_LENGTH;
import static org.obtainingwater.process.CaseVariables.FEE_BASIS;
import static org.obtainingwater.process.CaseVariables.FEE_WAIVED;
import static org.obtainingwater.process.CaseVariables.FLUSHING_COMPLETED;
import static org.obtainingwater.process.CaseVariables.IN_RED_LINE_BUDGET;
import static org.obtainingwater.process.CaseVariables.LAID_LENGTH;
import static org.obtainingwater.process.CaseVariables.LINKED_APPLICATION_NUMBER;
import static org.obtainingwater.process.CaseVariables.METER_DN;
import static org.obtainingwater.process.CaseVariables.METER_POSITION;
import static org.obtainingwater.process.CaseVariables.METER_REVIEW_REQUIRED;
import static org.obtainingwater.process.CaseVariables.PEAK_FLOW;
import static org.obtainingwater.process.CaseVariables.PRESSURE_TEST_RESULT;
import static org.obtainingwater.process.CaseVariables.RECOMMENDED_METER_DN;
import static org.obtainingwater.process.CaseVariables.SUPPLY_PIPE_DN;
import static org.obtainingwater.process.CaseVariables.SURVEY_CONCLUSION;
import static org.obtainingwater.process.PreEngagementProcess.MESSAGE_CUSTOMER_APPLIED;
import static org.obtainingwater.process.PreEngagementProcess.PROCESS_KEY;
import static org.obtainingwater.process.PreEngagementProcess.TAKEOVER_DESIGN;
import static org.obtainingwater.process.PreEngagementProcess.TAKEOVER_NONE;
import static org.obtainingwater.process.PreEngagementProcess.TAKEOVER_PIPE_BUILT;
import static org.obtainingwater.process.PreEngagementProcess.UserTasks.AWAIT_APPLICATION;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.obtainingwater.process.ProcessVariable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The pre-engaged projects (提前办) as applications see them: whether a project reference names an
 * open project, and the link itself. The rules are in docs/adr/0010-pre-engagement-link.md.
 */
@Service
public class PreEngagements {

  private static final Logger LOG = LoggerFactory.getLogger(PreEngagements.class);

  /** What the pre-survey and pre-design hand over: the same variables the case's own survey, design and fee decision write. */
  static final List<ProcessVariable<?>> DESIGN_RESULTS = List.of(SURVEY_CONCLUSION, CONNECTION_POINT,
      EXTERNAL_PIPE_LENGTH, CROSSES_ROAD, CROSSES_GREEN_BELT, PEAK_FLOW, METER_POSITION, RECOMMENDED_METER_DN, METER_DN,
      METER_REVIEW_REQUIRED, SUPPLY_PIPE_DN, IN_RED_LINE_BUDGET, DESIGN_NOTES, FEE_WAIVED, CUSTOMER_FEE, FEE_BASIS);

  /** What the pipe built ahead hands over: the construction record the case's own construction would write. */
  static final List<ProcessVariable<?>> PIPE_RESULTS = List.of(LAID_LENGTH, PRESSURE_TEST_RESULT, FLUSHING_COMPLETED);

  /** Where a project reference stands. */
  public enum Standing {
    /** Registered and not finished: an application may name it. */
    OPEN,
    /** Already linked to an application. */
    LINKED,
    /** Closed by the account manager, expired, or found not feasible. */
    CLOSED,
    /** Never registered. */
    UNKNOWN
  }

  /** What an application takes over: {@code level} is the value of {@code preEngagementTakeover}. */
  public record Takeover(String level, Map<String, Object> results) {

    static final Takeover NOTHING = new Takeover(TAKEOVER_NONE, Map.of());

    /** Writes the taken-over results into the case, typed as the case's own stages would write them. */
    public void copyInto(VariableScope scope) {
      List<ProcessVariable<?>> variables = new java.util.ArrayList<>();
      if (!level.equals(TAKEOVER_NONE)) {
        variables.addAll(DESIGN_RESULTS);
      }
      if (level.equals(TAKEOVER_PIPE_BUILT)) {
        variables.addAll(PIPE_RESULTS);
      }
      variables.forEach(variable -> copy(variable, scope));
    }

    private <T> void copy(ProcessVariable<T> variable, VariableScope scope) {
      T value = variable.convert(results.get(variable.name()));
      if (value != null) {
        variable.set(scope, value);
      }
    }
  }

  private final RuntimeService runtime;
  private final HistoryService history;

  PreEngagements(RuntimeService runtime, HistoryService history) {
    this.runtime = runtime;
    this.history = history;
  }

  public Standing standing(String reference) {
    if (open(reference).isPresent()) {
      return Standing.OPEN;
    }
    var finished = history.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
        .processInstanceBusinessKey(reference).finished().list();
    if (finished.isEmpty()) {
      return Standing.UNKNOWN;
    }
    // Linked is told by the variable the link sets: the end event inside the event sub-process is not the instance's end activity.
    String[] ids = finished.stream().map(instance -> instance.getId()).toArray(String[]::new);
    return history.createHistoricVariableInstanceQuery().processInstanceIdIn(ids)
        .variableName(LINKED_APPLICATION_NUMBER.name()).count() > 0 ? Standing.LINKED : Standing.CLOSED;
  }

  /**
   * Links the application to the open project: takes over the pre-survey and pre-design when the project
   * waits for its application (and the pipe when it was built ahead), then ends the project as linked,
   * cancelling any pre-work still open so nobody does it twice. A project that is no longer open
   * (closed or expired since the customer applied) gives nothing: the case goes the normal way.
   */
  public Takeover link(String reference, String applicationNumber) {
    Optional<ProcessInstance> project = open(reference);
    if (project.isEmpty()) {
      LOG.info("Application {} names project {}, which is no longer open: the case goes the normal way",
          applicationNumber, reference);
      return Takeover.NOTHING;
    }
    String id = project.get().getId();
    Takeover takeover = Takeover.NOTHING;
    if (runtime.createExecutionQuery().processInstanceId(id).activityId(AWAIT_APPLICATION).count() > 0) {
      Map<String, Object> results = new LinkedHashMap<>(runtime.getVariables(id,
          DESIGN_RESULTS.stream().map(ProcessVariable::name).toList()));
      results.putAll(runtime.getVariables(id, PIPE_RESULTS.stream().map(ProcessVariable::name).toList()));
      boolean pipeBuilt = "passed".equals(results.get(PRESSURE_TEST_RESULT.name()));
      takeover = new Takeover(pipeBuilt ? TAKEOVER_PIPE_BUILT : TAKEOVER_DESIGN, results);
    }
    runtime.createMessageCorrelation(MESSAGE_CUSTOMER_APPLIED).processInstanceId(id)
        .setVariable(LINKED_APPLICATION_NUMBER.name(), applicationNumber).correlateWithResult();
    LOG.info("Application {} linked to project {}: takes over {}", applicationNumber, reference, takeover.level());
    return takeover;
  }

  private Optional<ProcessInstance> open(String reference) {
    return Optional.ofNullable(runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
        .processInstanceBusinessKey(reference).singleResult());
  }
}
