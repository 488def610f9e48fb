package org.obtainingwater.scorecard;

import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.obtainingwater.cases.Stage;

/** The scorecard's figures of one case whose water came on. Durations in days; working days per the working calendar. */
@Schema(description = "一件已通水申请的考核指标")
record CaseScore(
    @Schema(description = "申请编号", example = "GW-2026-000123") String applicationNumber,
    @Schema(description = "申请提交时间") OffsetDateTime receivedAt,
    @Schema(description = "通水时间（开立用水户、出具供水合同的时刻）") OffsetDateTime waterOnAt,
    @Schema(description = "是否有红线外工程（经过代办许可或外线施工环节）") boolean externalWorks,
    @Schema(description = "客户办理环节数：客户实际完成的办理事项（提交申请；验收通水并签订供水合同）") int customerProcedures,
    @Schema(description = "申请至通水的自然日数") double calendarDays,
    @Schema(description = "申请至通水的工作日数") double workingDays,
    @Schema(description = "水司办理时间（工作日）：申请至通水，扣除行政审批、外线施工和客户的时间") double utilityWorkingDays,
    @Schema(description = "客户的时间（工作日）：客户选择晚于最早可约时段的上门预约等，不计入水司办理时间（docs/adr/0042）")
    double customerWorkingDays,
    @Schema(description = "全流程时限（工作日）：无外线工程 3，有外线工程 5（stage-targets.dmn）") int caseTargetWorkingDays,
    @Schema(description = "水司办理时间是否在全流程时限内") boolean withinCaseTarget,
    @Schema(description = "客户承担费用（元）：实际付款；零费用为 0；已报价未付款（如信用报装期限内）为 null；"
        + "没有报价的（报价功能之前的版本）为接水费用规则的结果", nullable = true) Double customerFee,
    @Schema(description = "报价金额（元），没有报价时为 null（docs/adr/0043）", nullable = true) Double quotedFee,
    @Schema(description = "是否零费用", nullable = true) Boolean feeWaived,
    @Schema(description = "首次回访的满意度 1–5，尚未回访时为 null", nullable = true) Integer satisfaction,
    @Schema(description = "回访次数（不满意时整改后再次回访）") int callbacks,
    @Schema(description = "客户在客户页面的评价 1–5，未评价时为 null（与回访满意度分开统计）", nullable = true) Integer onlineRating,
    @Schema(description = "各环节用时与时限") List<StageTime> stages) {

  /** One stage of the case against its target; {@code workingDays} is null while the case is still in it. */
  @Schema(description = "一个环节的用时（工作日）与时限")
  public record StageTime(
      @Schema(description = "环节") Stage stage,
      @Schema(description = "环节名称") String label,
      @Schema(description = "用时（工作日），环节尚未结束时为 null", nullable = true) Double workingDays,
      @Schema(description = "时限（工作日，可为 0.5）") double targetWorkingDays,
      @Schema(description = "是否在时限内，环节尚未结束时为 null", nullable = true) Boolean withinTarget) {
  }
}
