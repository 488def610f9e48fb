package org.obtainingwater.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.media.Schema;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.obtainingwater.cases.CaseRecord;
import org.obtainingwater.cases.CustomerCases.CaseView;
import org.obtainingwater.cases.Stage;
import org.obtainingwater.cases.StageEntry;
import org.obtainingwater.sla.StageTargets;
import org.obtainingwater.sla.WorkingCalendar;
import org.obtainingwater.visits.VisitBookings;
import org.springframework.stereotype.Component;

/**
 * A case's stages as the customer page draws them (issue 14): each stage of the path done, current,
 * to come or not needed, with its target in working days from the stage-targets decision
 * (bpmn/stage-targets.dmn) and the working days it has used so far.
 */
@Component
class CaseTimeline {

  /** The stages a case passes on its way to water, in order; PAYMENT only shown once the case has a quote. */
  static final List<Stage> PATH = List.of(Stage.RECEIVED, Stage.INTAKE, Stage.SURVEY, Stage.DESIGN, Stage.PAYMENT,
      Stage.PERMITS, Stage.CONSTRUCTION, Stage.METERING, Stage.WATER_ON, Stage.CALLBACK);

  @Schema(description = "办理进度中的一个环节")
  record Step(
      @Schema(example = "SURVEY") String stage,
      @Schema(example = "现场查勘") String label,
      @Schema(description = "DONE 已完成、CURRENT 正在办理、UPCOMING 尚未开始、SKIPPED 无需办理", example = "CURRENT") String state,
      @Schema(description = "目标时限（工作日，可为半天 0.5）；没有时限的环节为 null", example = "1") Double targetWorkingDays,
      @Schema(description = "已用工作日（保留一位小数）；未开始为 null", example = "1.5") Double workingDaysUsed,
      OffsetDateTime enteredAt,
      OffsetDateTime leftAt,
      @Schema(description = "客户预约的上门时段（查勘、装表）；未预约为 null", nullable = true, example = "预约上门查勘：12月8日（周二）上午")
      String visit) {
  }

  private final StageTargets targets;
  private final WorkingCalendar calendar;
  private final VisitBookings visits;

  CaseTimeline(StageTargets targets, WorkingCalendar calendar, VisitBookings visits) {
    this.targets = targets;
    this.calendar = calendar;
    this.visits = visits;
  }

  List<Step> of(CaseView view) {
    CaseRecord record = view.record();
    Map<Stage, StageEntry> entered = view.history().stream()
        .collect(Collectors.toMap(StageEntry::stage, Function.identity(), (first, later) -> later));
    Set<Stage> skipped = view.preEngagement().map(link -> Set.copyOf(link.skippedStages())).orElse(Set.of());
    int furthest = -1;
    for (int i = 0; i < PATH.size(); i++) {
      if (entered.containsKey(PATH.get(i))) {
        furthest = i;
      }
    }
    Map<Stage, String> booked = visits.bookings(record.applicationNumber()).stream().collect(Collectors.toMap(
        booking -> booking.kind().stage(), booking -> "预约" + booking.kind().label() + "：" + booking.slot().label()));
    Instant now = ClockUtil.getCurrentTime().toInstant();
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < PATH.size(); i++) {
      Stage stage = PATH.get(i);
      StageEntry entry = entered.get(stage);
      if (stage == Stage.PAYMENT && entry == null) {
        continue; // only a case whose fee is charged has a quote to accept and pay (docs/adr/0043)
      }
      OptionalDouble target = targets.targetWorkingDays(stage);
      Double targetDays = target.isPresent() ? target.getAsDouble() : null;
      if (entry == null) {
        boolean passedBy = i < furthest || record.finished() || skipped.contains(stage);
        steps.add(new Step(stage.name(), stage.label(), passedBy ? "SKIPPED" : "UPCOMING", targetDays, null, null, null,
            booked.get(stage)));
        continue;
      }
      boolean done = entry.leftAt() != null;
      Instant until = done ? entry.leftAt().toInstant() : now;
      double used = Math.round(calendar.workingDaysBetween(entry.enteredAt().toInstant(), until) * 10) / 10.0;
      steps.add(new Step(stage.name(), stage.label(), done || record.finished() ? "DONE" : "CURRENT", targetDays, used,
          entry.enteredAt(), entry.leftAt(), booked.get(stage)));
    }
    return steps;
  }
}
