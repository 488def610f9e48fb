package org.obtainingwater.scorecard;

import java.util.Arrays;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One figure over a set of cases: how many cases carry it, its median, 90th percentile, mean and
 * maximum. Percentiles interpolate linearly between the ranks (Excel's PERCENTILE.INC, R type 7), so
 * an analyst can recompute any number from the per-case list in a spreadsheet. Empty sets give nulls.
 */
@Schema(description = "一项指标在一组申请上的统计：件数、中位数、90 分位数（与 Excel PERCENTILE.INC 相同）、平均值、最大值")
record Figure(
    @Schema(description = "有该指标的申请件数") int count,
    @Schema(description = "中位数", nullable = true) Double median,
    @Schema(description = "90 分位数", nullable = true) Double p90,
    @Schema(description = "平均值", nullable = true) Double mean,
    @Schema(description = "最大值", nullable = true) Double max) {

  static Figure of(double[] values) {
    if (values.length == 0) {
      return new Figure(0, null, null, null, null);
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double sum = 0;
    for (double value : sorted) {
      sum += value;
    }
    return new Figure(sorted.length, round(percentile(sorted, 0.5)), round(percentile(sorted, 0.9)),
        round(sum / sorted.length), round(sorted[sorted.length - 1]));
  }

  /** PERCENTILE.INC over sorted values: rank h = (n − 1)·p, interpolated between its neighbours. */
  static double percentile(double[] sorted, double p) {
    double rank = (sorted.length - 1) * p;
    int below = (int) Math.floor(rank);
    int above = Math.min(below + 1, sorted.length - 1);
    return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
  }

  /** Figures are shown to two decimals; more would pretend a precision the timestamps do not have. */
  static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
