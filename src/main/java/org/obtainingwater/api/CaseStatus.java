package org.obtainingwater.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.media.Schema;
import org.obtainingwater.cases.CaseRecord;
import org.obtainingwater.cases.ServiceRatings;
import org.obtainingwater.cases.Stage;
import org.obtainingwater.cases.CustomerCases.CaseView;
import org.obtainingwater.cases.PreEngagementLink;
import org.obtainingwater.cases.StageEntry;
import org.obtainingwater.pauses.CustomerPauses;
import org.obtainingwater.visits.VisitKind;

/** A case as its applicant sees it. */
@Schema(description = "申请进度：当前环节、办理历程和客户下一步需要做什么")
record CaseStatus(
    @Schema(example = "GW-2026-000123") String applicationNumber,
    @Schema(description = "当前环节代码", example = "SURVEY") String stage,
    @Schema(description = "当前环节", example = "现场查勘") String stageLabel,
    @Schema(description = "办结结果代码；办理中为 null", example = "WATER_CONNECTED") String outcome,
    @Schema(description = "办结结果；办理中为 null", example = "已装表通水") String outcomeLabel,
    OffsetDateTime receivedAt,
    OffsetDateTime finishedAt,
    @Schema(description = "客户下一步需要做什么（通常无需办理）") String nextStep,
    @Schema(description = "办理历程，按时间先后；沿用提前办成果而免去的环节不在其中") List<StageStep> history,
    @Schema(description = "提前办：申请关联的项目和免去的环节；申请未填写提前办项目编号时为 null", nullable = true)
    PreEngagement preEngagement,
    @Schema(description = "办理进度：通水路上的每个环节，已完成、正在办理、尚未开始或无需办理，含目标时限和已用工作日")
    List<CaseTimeline.Step> timeline,
    @Schema(description = "客户对本次服务的评价；尚未评价时为 null", nullable = true) Rating rating,
    @Schema(description = "现在能否评价：已通水且尚未评价时为 true") boolean canRate,
    @Schema(description = "现在可以预约或改约的上门事项：survey 查勘（受理通过后）、metering 装表（具备装表条件后）；没有时为 null",
        nullable = true, example = "survey") String bookableVisit,
    @Schema(description = "等待客户条件具备：办理暂停、不计时限，原因和客户怎样恢复；未暂停时为 null", nullable = true) Pause pause) {

  @Schema(description = "办理暂停，等待客户条件具备（docs/adr/0045）：暂停期间是客户的时间，不计入办理时限")
  record Pause(
      @Schema(description = "暂停的环节代码", example = "SURVEY") String stage,
      @Schema(description = "暂停的环节", example = "现场查勘") String stageLabel,
      @Schema(description = "暂停原因代码：siteNotReady 现场条件不具备、customerPostponed 客户要求延期、customerUnreachable 联系不上客户",
          example = "siteNotReady") String reason,
      @Schema(description = "暂停原因", example = "现场条件不具备") String reasonLabel,
      @Schema(description = "暂停开始时间") OffsetDateTime since) {

    static Pause of(CustomerPauses.Pause pause) {
      return new Pause(pause.stage().name(), pause.stage().label(), pause.reason().code(), pause.reason().label(),
          pause.since());
    }
  }

  static final String PAUSED_NEXT_STEP = "条件具备后，请点“条件已具备，请继续办理”，我们会重新安排上门；暂停期间不计入办理时限。";

  @Schema(description = "客户在通水后对服务的评价（每件申请一次）")
  record Rating(
      @Schema(description = "评分 1–5：1 非常不满意 … 5 非常满意", example = "5") int score,
      @Schema(description = "评价意见；未填写时为 null", example = "装表师傅准时，讲解清楚", nullable = true) String comment,
      @Schema(description = "评价时间") OffsetDateTime ratedAt) {

    static Rating of(ServiceRatings.ServiceRating rating) {
      return new Rating(rating.score(), rating.comment(), rating.ratedAt());
    }
  }

  @Schema(description = "申请关联的提前办项目")
  record PreEngagement(
      @Schema(example = "2026-430211-47-01-000123") String projectReference,
      @Schema(description = "因提前办已完成而免去的环节代码；受理前或项目尚未完成预设计时为空", example = "[\"SURVEY\", \"DESIGN\"]")
      List<String> skippedStages,
      @Schema(description = "给客户的说明") String note) {

    static PreEngagement of(PreEngagementLink link) {
      return new PreEngagement(link.projectReference(), link.skippedStages().stream().map(Enum::name).toList(), link.note());
    }
  }

  @Schema(description = "办理历程中的一个环节")
  record StageStep(String stage, String label, OffsetDateTime enteredAt,
      @Schema(description = "离开该环节的时间；当前环节为 null") OffsetDateTime leftAt) {

    static StageStep of(StageEntry entry) {
      return new StageStep(entry.stage().name(), entry.stage().label(), entry.enteredAt(), entry.leftAt());
    }
  }

  /** {@code contractToSign}: the case is open and its supply contract waits for the customer's signature. */
  static CaseStatus of(CaseView view, List<CaseTimeline.Step> timeline, Optional<CustomerPauses.Pause> paused,
      boolean contractToSign) {
    CaseRecord record = view.record();
    boolean finished = record.finished();
    Pause pause = finished ? null : paused.map(Pause::of).orElse(null);
    String nextStep = finished ? record.outcome().nextStep() : pause != null ? PAUSED_NEXT_STEP
        : contractToSign ? Stage.WATER_ON.nextStep() : record.stage().nextStep();
    return new CaseStatus(record.applicationNumber(), record.stage().name(), record.stage().label(),
        finished ? record.outcome().name() : null, finished ? record.outcome().label() : null, record.receivedAt(),
        record.finishedAt(), nextStep,
        view.history().stream().map(StageStep::of).toList(), view.preEngagement().map(PreEngagement::of).orElse(null), timeline,
        view.rating().map(Rating::of).orElse(null), view.rating().isEmpty() && ServiceRatings.ratable(record),
        finished || pause != null ? null : VisitKind.bookableIn(record.stage()).map(VisitKind::path).orElse(null), pause);
  }
}
