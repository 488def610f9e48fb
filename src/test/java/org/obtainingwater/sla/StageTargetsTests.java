package org.obtainingwater.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;
import org.obtainingwater.cases.Stage;
import org.obtainingwater.support.AppOnH2;
import org.springframework.beans.factory.annotation.Autowired;

/** The targets the utility promises (DOMAIN.md), read from the deployed bpmn/stage-targets.dmn. */
@AppOnH2
class StageTargetsTests {

  @Autowired
  StageTargets targets;
  @Autowired
  WorkingCalendar calendar;

  /**
   * The stage targets of the counted stages add up within the case target (docs/adr/0028): an analyst who raises
   * a stage target or lowers the case target so that every stage can be on time and the case late fails the build.
   */
  @Test
  void theStageTargets_addUpWithinTheCaseTarget() {
    assertThat(targets.contradictions()).isEmpty();
  }

  /** The check itself: the table of the earlier version (1 + 1 + 1 + 1 against 3) is caught and explained. */
  @Test
  void targetsThatContradictTheCaseTarget_areNamed() {
    assertThat(StageTargets.contradictions(stage -> OptionalDouble.of(1), externalWorks -> externalWorks ? 5 : 3))
        .containsExactly("无外线工程：环节时限之和 受理审核 1 + 现场查勘 1 + 方案设计 1 + 装表通水 1 = 4 个工作日，超过全流程办理时限 3 个工作日");
    assertThat(StageTargets.contradictions(stage -> OptionalDouble.of(0.75), externalWorks -> 3)).isEmpty();
  }

  @Test
  void aFractionOfAWorkingDay_isThatShareOfTheOfficeDay_forTheTaskAndItsTimer() {
    Instant monday9 = ZonedDateTime.of(2026, 11, 23, 9, 0, 0, 0, calendar.zone()).toInstant();
    Instant due = calendar.add(monday9, targets.dueIn("SURVEY"));
    assertThat(calendar.workingDaysBetween(monday9, due)).isEqualTo(0.5);
  }

  @Test
  void eachWorkedStageHasItsPromisedTarget_inWorkingDays() {
    assertThat(targets.targetWorkingDays(Stage.INTAKE)).hasValue(0.5);
    assertThat(targets.targetWorkingDays(Stage.SURVEY)).hasValue(0.5);
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
    // Half of the office day (obtaining-water.working-calendar opens/closes) in office minutes.
    assertThat(targets.dueIn("INTAKE")).isEqualTo("PT" + calendar.officeDay().toMinutes() / 2 + "M");
    assertThatThrownBy(() -> targets.dueIn("CLOSED")).hasMessageContaining("no target for stage CLOSED");
  }
}
