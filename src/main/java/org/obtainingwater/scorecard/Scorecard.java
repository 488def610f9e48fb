package org.obtainingwater.scorecard;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import org.obtainingwater.cases.Outcome;
import org.obtainingwater.cases.Stage;

/** The scorecard of a period: what the city's business-environment evaluation asks of 获得用水. */
@Schema(description = "一个期间的获得用水考核指标：通水件数、办理环节、时间、费用、各环节达标、满意度")
record Scorecard(
    ScorecardPeriod period,
    @Schema(description = "期间内通水的申请件数") int connectedCases,
    @Schema(description = "期间内未通水而办结的申请件数，按结果（不予受理、不具备接水条件、已撤回）") Map<Outcome, Integer> closedWithoutConnection,
    @Schema(description = "客户办理环节数") Figure customerProcedures,
    @Schema(description = "申请至通水的自然日数") Figure calendarDays,
    @Schema(description = "申请至通水的工作日数") Figure workingDays,
    @Schema(description = "水司办理时间（工作日，扣除行政审批、外线施工和客户的时间）") Figure utilityWorkingDays,
    @Schema(description = "客户的时间（工作日）：如客户选择晚于最早可约时段的上门预约；与水司办理时间分开统计") Figure customerWorkingDays,
    @Schema(description = "客户承担费用（元）：客户实际付款，零费用为 0；已报价尚未付款的不计（docs/adr/0043）") Cost customerFee,
    @Schema(description = "全流程时限达标情况") CaseTargets withinCaseTarget,
    @Schema(description = "各环节用时与时限，按办理顺序") List<StageSummary> stages,
    @Schema(description = "回访满意度") Satisfaction satisfaction,
    @Schema(description = "客户网上评价（与回访满意度分开）") OnlineRating onlineRating,
    @Schema(description = "全流程时限达标率的时间序列（按周或按月），供图表使用") Series series,
    @Schema(description = "期间内尚未导入国务院节假日安排通知、按临时工作日历（法定节假日，不含调休）计算工作日的年份；"
        + "为空表示均按正式通知计算") List<Integer> provisionalCalendarYears) {

  /** What customers paid: the figure, and how many paid nothing (零费用). */
  @Schema(description = "客户承担费用（元）及零费用件数")
  public record Cost(Figure fee, @Schema(description = "零费用件数") int waived,
      @Schema(description = "零费用占比 0–1", nullable = true) Double waivedShare) {
  }

  /** The whole-case target, met or not, overall and for each kind of case. */
  @Schema(description = "全流程时限达标：全部、无外线工程（时限 3 个工作日）、有外线工程（时限 5 个工作日）")
  public record CaseTargets(Share all, Share withoutExternalWorks,
      @Schema(description = "无外线工程的时限（工作日）") int withoutExternalWorksTarget, Share withExternalWorks,
      @Schema(description = "有外线工程的时限（工作日）") int withExternalWorksTarget) {
  }

  /** One stage over the period: durations of the cases that passed it, against its target. */
  @Schema(description = "一个环节在期间内的用时分布与达标情况")
  public record StageSummary(Stage stage, String label,
      @Schema(description = "时限（工作日，可为 0.5）") double targetWorkingDays,
      @Schema(description = "用时（工作日）") Figure workingDays,
      @Schema(description = "达标情况") Share withinTarget,
      @Schema(description = "用时相对时限的分布：不超过时限一半、不超过时限、超期不超过一倍、超期一倍以上的件数") Bands bands) {
  }

  /** How many cases took up to half the target, up to the target, up to twice it, and more. */
  @Schema(description = "用时相对时限的分布")
  public record Bands(int withinHalfTarget, int withinTarget, int upToTwiceTarget, int beyondTwiceTarget) {
  }

  /** The first callback's scores: what customers thought of the service as delivered. */
  @Schema(description = "首次回访满意度（1–5 分）：件数、平均分、各分值件数、整改后再次回访的件数")
  public record Satisfaction(@Schema(description = "已回访件数") int count,
      @Schema(description = "平均分", nullable = true) Double mean,
      @Schema(description = "各分值件数，键为 1–5") Map<Integer, Integer> distribution,
      @Schema(description = "因不满意整改并再次回访的件数") int rectified) {
  }

  /**
   * The customers' own ratings on the customer page (docs/adr/0037): given unasked, by those who chose to,
   * so reported apart from the callback's scores, with the share of the period's cases rated online.
   */
  @Schema(description = "客户网上评价（1–5 分）：评价件数、占通水件数的比例、平均分、各分值件数")
  public record OnlineRating(@Schema(description = "网上评价件数") int count,
      @Schema(description = "网上评价件数占期间通水件数的比例 0–1，无通水件时为 null", nullable = true) Double share,
      @Schema(description = "平均分", nullable = true) Double mean,
      @Schema(description = "各分值件数，键为 1–5") Map<Integer, Integer> distribution) {
  }

  /** Whole-case target compliance per week (Monday) or per calendar month. */
  @Schema(description = "全流程时限达标率的时间序列")
  public record Series(@Schema(description = "week（按周，周一开始）或 month（按月）") String interval, List<Point> points) {
  }

  @Schema(description = "时间序列中的一段：开始日期、通水件数、达标件数、达标率")
  public record Point(LocalDate start, int cases, int withinTarget,
      @Schema(nullable = true) Double share) {
  }
}
