package org.obtainingwater.scorecard;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.obtainingwater.cases.Stage;
import org.obtainingwater.scorecard.CaseFacts.Span;
import org.obtainingwater.scorecard.CaseScore.StageTime;
import org.obtainingwater.sla.StageTargets;
import org.obtainingwater.sla.WorkingCalendar;

/**
 * Turns the facts of a case into its figures with the working calendar and the targets of the
 * decision table, both read once per scorecard (a scorecard is computed against one set of targets).
 * docs/adr/0012-scorecard-from-history.md says how each figure is counted.
 */
final class Scoring {

  /** The stages that have a target, in the order a case goes through them. */
  static final List<Stage> SCORED_STAGES = List.of(Stage.INTAKE, Stage.SURVEY, Stage.DESIGN, Stage.PERMITS,
      Stage.CONSTRUCTION, Stage.METERING, Stage.CALLBACK);

  /**
   * Which scored stage the time in a case-table stage counts for: the moments between filing and the
   * intake task (RECEIVED) are intake's, and the callback's target runs from water on.
   */
  static final Map<Stage, Stage> COUNTS_FOR = Map.of(
      Stage.RECEIVED, Stage.INTAKE, Stage.INTAKE, Stage.INTAKE, Stage.SURVEY, Stage.SURVEY,
      Stage.DESIGN, Stage.DESIGN, Stage.PERMITS, Stage.PERMITS, Stage.CONSTRUCTION, Stage.CONSTRUCTION,
      Stage.METERING, Stage.METERING, Stage.WATER_ON, Stage.CALLBACK, Stage.CALLBACK, Stage.CALLBACK);

  /** Time the policy does not count against the utility: the authorities' permits and the construction. */
  static final List<Stage> EXCLUDED_FROM_UTILITY_TIME = List.of(Stage.PERMITS, Stage.CONSTRUCTION);

  private static final double SECONDS_PER_DAY = 86_400.0;
  /** Office time is counted in seconds; a stage that took exactly its target meets it. */
  static final double EPSILON = 1e-9;

  private final WorkingCalendar calendar;
  private final Map<Stage, Double> stageTargets = new EnumMap<>(Stage.class);
  private final int caseTargetWithout;
  private final int caseTargetWith;

  Scoring(WorkingCalendar calendar, StageTargets targets) {
    this.calendar = calendar;
    for (Stage stage : SCORED_STAGES) {
      stageTargets.put(stage, targets.targetWorkingDays(stage).orElseThrow(() -> new IllegalStateException(
          "Decision " + StageTargets.STAGE_TARGET + " gives no target for stage " + stage)));
    }
    this.caseTargetWithout = targets.caseTargetWorkingDays(false);
    this.caseTargetWith = targets.caseTargetWorkingDays(true);
  }

  double stageTarget(Stage stage) {
    return stageTargets.get(stage);
  }

  int caseTarget(boolean externalWorks) {
    return externalWorks ? caseTargetWith : caseTargetWithout;
  }

  /**
   * A case's figures unrounded, for the period's statistics (rounding before a median would round
   * twice), and as shown per case.
   */
  record Scored(CaseScore view, double calendarDays, double workingDays, double utilityWorkingDays,
      double customerWorkingDays, Map<Stage, Double> stageWorkingDays) {
  }

  Scored score(CaseFacts facts) {
    Map<Stage, Double> spent = new EnumMap<>(Stage.class);
    Map<Stage, Boolean> open = new EnumMap<>(Stage.class);
    boolean externalWorks = false;
    double excluded = 0;
    double quoteDays = 0;
    for (Span span : facts.stages()) {
      if (span.stage() == Stage.PAYMENT) {
        // Waiting for the customer to accept and pay the quote (docs/adr/0043): the customer's time, no stage's.
        if (span.left() != null) {
          quoteDays += calendar.workingDaysBetween(span.entered(), span.left());
        }
        continue;
      }
      Stage scored = COUNTS_FOR.get(span.stage());
      if (EXCLUDED_FROM_UTILITY_TIME.contains(span.stage())) {
        externalWorks = true;
      }
      if (scored == null) {
        continue;
      }
      if (span.left() == null) {
        open.put(scored, true);
        continue;
      }
      double days = calendar.workingDaysBetween(span.entered(), span.left());
      spent.merge(scored, days, Double::sum);
      if (EXCLUDED_FROM_UTILITY_TIME.contains(span.stage())) {
        excluded += days;
      }
    }
    // The customer's time (docs/adr/0042) is the customer's: off the stage's time and, before water-on, off the
    // utility's time. After water-on (a contract signed after the callback, docs/adr/0046) the case's time has ended:
    // it is off the callback's time only, and not the customer's share of a time it was never part of.
    double customerDays = quoteDays;
    for (Map.Entry<Stage, Integer> own : facts.customerMinutes().entrySet()) {
      double days = own.getValue() * 60.0 / calendar.officeDay().toSeconds();
      if (own.getKey().ordinal() < Stage.WATER_ON.ordinal()) {
        customerDays += days;
      }
      Stage scored = COUNTS_FOR.get(own.getKey());
      if (scored != null) {
        spent.computeIfPresent(scored, (stage, stageDays) -> Math.max(0, stageDays - days));
      }
    }
    open.keySet().forEach(spent::remove); // a stage not yet finished has no duration, whatever came before it
    double workingDays = calendar.workingDaysBetween(facts.receivedAt(), facts.waterOnAt());
    double utilityDays = Math.max(0, workingDays - excluded - customerDays);
    int caseTarget = caseTarget(externalWorks);

    List<StageTime> stages = new ArrayList<>();
    for (Stage stage : SCORED_STAGES) {
      Double days = spent.get(stage);
      if (days == null && !open.containsKey(stage)) {
        continue; // the case did not pass this stage (no external works: no permits, no construction)
      }
      double target = stageTargets.get(stage);
      if (open.containsKey(stage)) {
        stages.add(new StageTime(stage, stage.label(), null, target, null));
      } else {
        stages.add(new StageTime(stage, stage.label(), Figure.round(days), target, days <= target + EPSILON));
      }
    }
    List<Integer> scores = facts.satisfactionScores();
    double calendarDays = Duration.between(facts.receivedAt(), facts.waterOnAt()).toSeconds() / SECONDS_PER_DAY;
    CaseScore view = new CaseScore(facts.applicationNumber(), facts.receivedAt().atOffset(ZoneOffset.UTC),
        facts.waterOnAt().atOffset(ZoneOffset.UTC), externalWorks, facts.customerProcedures(),
        Figure.round(calendarDays), Figure.round(workingDays), Figure.round(utilityDays), Figure.round(customerDays),
        caseTarget,
        utilityDays <= caseTarget + EPSILON, facts.cost(), facts.quotedFee(), facts.feeWaived(),
        scores.isEmpty() ? null : scores.get(0), scores.size(), facts.onlineRating(), stages);
    return new Scored(view, calendarDays, workingDays, utilityDays, customerDays, spent);
  }
}
