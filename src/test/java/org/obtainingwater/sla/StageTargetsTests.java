package org.obtainingwater.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.obtainingwater.cases.Stage;
import org.obtainingwater.support.AppOnH2;
import org.springframework.beans.factory.annotation.Autowired;

/** The targets the utility promises (DOMAIN.md), read from the deployed bpmn/stage-targets.dmn. */
@AppOnH2
class StageTargetsTests {

  @Autowired
  StageTargets targets;

  @Test
  void eachWorkedStageHasItsPromisedTarget_inWorkingDays() {
    assertThat(targets.targetWorkingDays(Stage.INTAKE)).hasValue(1);
    assertThat(targets.targetWorkingDays(Stage.SURVEY)).hasValue(1);
    assertThat(targets.targetWorkingDays(Stage.DESIGN)).hasValue(1);
    assertThat(targets.targetWorkingDays(Stage.PERMITS)).hasValue(2);
    assertThat(targets.targetWorkingDays(Stage.CONSTRUCTION)).hasValue(10);
    assertThat(targets.targetWorkingDays(Stage.METERING)).hasValue(1);
    assertThat(targets.targetWorkingDays(Stage.CALLBACK)).hasValue(2);
  }

  @Test
  void stagesThatAreNotWorkHaveNoTarget() {
    assertThat(targets.targetWorkingDays(Stage.RECEIVED)).isEmpty();
    assertThat(targets.targetWorkingDays(Stage.WATER_ON)).isEmpty();
    assertThat(targets.targetWorkingDays(Stage.CLOSED)).isEmpty();
  }

  @Test
  void theWholeCaseTarget_dependsOnExternalWorks() {
    assertThat(targets.caseTargetWorkingDays(false)).isEqualTo(3);
    assertThat(targets.caseTargetWorkingDays(true)).isEqualTo(5);
  }

  @Test
  void dueInGivesTheDiagramAWorkingTimeDuration() {
    assertThat(targets.dueIn("CONSTRUCTION")).isEqualTo("P10D");
    assertThatThrownBy(() -> targets.dueIn("CLOSED")).hasMessageContaining("no target for stage CLOSED");
  }
}
