package org.obtainingwater.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.obtainingwater.cases.Stage;
import org.obtainingwater.scorecard.CaseFacts.Span;
import org.obtainingwater.scorecard.CaseScore.StageTime;
import org.obtainingwater.sla.StageTargets;
import org.obtainingwater.sla.WorkingCalendar;
import org.obtainingwater.support.AppOnH2;
import org.springframework.beans.factory.annotation.Autowired;

/** How the customer's time counts in a case's figures, against the project's working calendar and targets. */
@AppOnH2
class ScoringTests {

  @Autowired
  WorkingCalendar calendar;
  @Autowired
  StageTargets targets;

  /**
   * Called back the day after water-on, the contract signed two working days later (docs/adr/0046): the case stays in
   * its callback stage until the signature, but those two days are the customer's. They come off the callback's time;
   * the case's own time ended at water-on, so its utility time and its customer time are what they were.
   */
  @Test
  void aContractSignedAfterTheCallback_isOffTheCallbacksTime_notOffTheCaseTimeThatEndedAtWaterOn() {
    Instant received = Instant.parse("2026-11-23T01:00:00Z"); // Monday 09:00 in Shanghai
    Instant accepted = Instant.parse("2026-11-23T03:00:00Z");
    Instant surveyed = Instant.parse("2026-11-23T06:00:00Z");
    Instant designed = Instant.parse("2026-11-24T03:00:00Z");
    Instant waterOn = Instant.parse("2026-11-24T08:00:00Z"); // Tuesday 16:00
    Instant signed = Instant.parse("2026-11-27T08:00:00Z"); // Friday 16:00: called back Wednesday 16:00
    int twoOfficeDays = (int) calendar.officeDay().multipliedBy(2).toMinutes();
    CaseFacts facts = new CaseFacts("GW-2026-000001", "pi", received, waterOn, List.of(
        new Span(Stage.INTAKE, received, accepted), new Span(Stage.SURVEY, accepted, surveyed),
        new Span(Stage.DESIGN, surveyed, designed), new Span(Stage.METERING, designed, waterOn),
        new Span(Stage.WATER_ON, waterOn, waterOn), new Span(Stage.CALLBACK, waterOn, signed)),
        0.0, true, List.of(5), 2, null, Map.of(Stage.CALLBACK, twoOfficeDays), null, null);

    CaseScore score = new Scoring(calendar, targets).score(facts).view();

    double toWaterOn = calendar.workingDaysBetween(received, waterOn);
    assertThat(score.customerWorkingDays()).as("no customer time before water-on").isZero();
    assertThat(score.utilityWorkingDays()).isEqualTo(Figure.round(toWaterOn));
    StageTime callback = score.stages().stream().filter(stage -> stage.stage() == Stage.CALLBACK).findFirst().orElseThrow();
    assertThat(callback.workingDays()).as("water-on to the callback, the signature's wait taken off")
        .isEqualTo(Figure.round(calendar.workingDaysBetween(waterOn, signed) - 2));
  }
}
