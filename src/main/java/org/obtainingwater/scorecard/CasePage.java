package org.obtainingwater.scorecard;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** One page of the period's cases with their figures, in order of water on. */
@Schema(description = "期间内已通水申请的逐件指标（按通水时间排序，分页）")
record CasePage(ScorecardPeriod period,
    @Schema(description = "页码，从 0 开始") int page,
    @Schema(description = "每页件数") int size,
    @Schema(description = "期间内通水的申请总件数") int totalCases,
    List<CaseScore> cases) {
}
