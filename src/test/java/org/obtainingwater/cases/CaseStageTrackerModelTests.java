package org.obtainingwater.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.junit.jupiter.api.Test;
import org.obtainingwater.process.ObtainingWaterProcess;
import org.obtainingwater.support.Diagrams;

/**
 * The case record follows the diagram by element id: an analyst who renames or removes one of those
 * elements must hear it here, not from a customer whose status stopped moving.
 */
class CaseStageTrackerModelTests {

  @Test
  void everyElementThatMovesTheCaseRecord_existsInTheDiagram() throws Exception {
    Set<String> ids = Diagrams.obtainingWater().getModelElementsByType(FlowElement.class).stream().map(FlowElement::getId)
        .collect(Collectors.toSet());

    assertThat(ids).containsAll(CaseStageTracker.STAGE_STARTS.keySet()).containsAll(CaseStageTracker.OUTCOMES.keySet());
  }

  @Test
  void everyWayACaseCanEnd_recordsAnOutcome() throws Exception {
    Collection<EndEvent> ends = Diagrams.obtainingWater().getModelElementsByType(EndEvent.class);
    Set<String> caseEnds = ends.stream()
        // The ends of the permit sub-processes finish a permit, not the case.
        .filter(end -> !(end.getParentElement() instanceof org.camunda.bpm.model.bpmn.instance.SubProcess sub)
            || Boolean.TRUE.equals(sub.triggeredByEvent()))
        // An escalation (超期督办, docs/adr/0018) or a payment reminder (docs/adr/0043) ends a path beside the work,
        // which goes on.
        .filter(end -> !besideTheWork(end))
        .map(EndEvent::getId).collect(Collectors.toSet());

    assertThat(CaseStageTracker.OUTCOMES.keySet()).containsExactlyInAnyOrderElementsOf(caseEnds);
  }

  /** Whether the node ends a path that a non-interrupting boundary event started, step by single step. */
  private static boolean besideTheWork(org.camunda.bpm.model.bpmn.instance.FlowNode node) {
    org.camunda.bpm.model.bpmn.instance.FlowNode current = node;
    while (current.getIncoming().size() == 1) {
      org.camunda.bpm.model.bpmn.instance.FlowNode source = current.getIncoming().iterator().next().getSource();
      if (source instanceof org.camunda.bpm.model.bpmn.instance.BoundaryEvent boundary) {
        return !boundary.cancelActivity();
      }
      current = source;
    }
    return false;
  }

  /**
   * The customer API refuses a withdrawal with {@link Stage#withdrawable()}; the model offers it only inside
   * {@code subProcess_connection} (docs/adr/0031). The two agree: a stage is withdrawable exactly when the
   * element that starts it lies inside that sub-process.
   */
  @Test
  void theStagesJavaLetACustomerWithdraw_areThoseTheModelOffersWithdrawalIn() {
    var model = Diagrams.obtainingWater();
    var connection = model.getModelElementById(ObtainingWaterProcess.Elements.CONNECTION);
    var withdrawal = model.<org.camunda.bpm.model.bpmn.instance.BoundaryEvent>getModelElementById(
        ObtainingWaterProcess.Elements.WITHDRAWAL);
    assertThat(withdrawal.getAttachedTo()).isSameAs(connection);
    assertThat(withdrawal.cancelActivity()).as("withdrawal stops the work").isTrue();
    CaseStageTracker.STAGE_STARTS.forEach((element, stage) -> {
      if (stage == Stage.WITHDRAWAL) {
        return;
      }
      boolean inside = false;
      for (var parent = model.getModelElementById(element).getParentElement(); parent != null;
          parent = parent.getParentElement()) {
        inside |= parent == connection;
      }
      assertThat(stage.withdrawable()).as(element + " starts " + stage + (inside ? ", inside " : ", outside ")
          + ObtainingWaterProcess.Elements.CONNECTION).isEqualTo(inside);
    });
    assertThat(Stage.RECEIVED.withdrawable()).as("the sub-process starts with the application").isTrue();
    assertThat(Stage.WITHDRAWAL.withdrawable()).isFalse();
    assertThat(Stage.CLOSED.withdrawable()).isFalse();
  }
}
