package org.obtainingwater.scorecard;

import io.swagger.v3.oas.annotations.media.Schema;

/** How many of the cases that count met their target, and the share (null when none count). */
@Schema(description = "达标情况：参与统计的件数、达标件数、达标率（0–1）")
record Share(
    @Schema(description = "参与统计的件数") int cases,
    @Schema(description = "在时限内完成的件数") int withinTarget,
    @Schema(description = "达标率 0–1，无数据时为 null", nullable = true) Double share) {

  static Share of(int cases, int withinTarget) {
    return new Share(cases, withinTarget, cases == 0 ? null : Math.round(10_000.0 * withinTarget / cases) / 10_000.0);
  }
}
