package org.obtainingwater.scorecard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.obtainingwater.web.Doors;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The scorecard for supervisors (not part of the public customer API): the period's figures and the
 * cases behind them. Its guard (web.AccessGuards) lets only supervisors and administrators in.
 */
@RestController
@RequestMapping(path = Doors.SCORECARD_API, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "获得用水考核指标", description = "供服务督导和管理员查看：期间内已通水申请的办理环节、时间、费用、各环节达标和满意度，"
    + "由流程引擎的历史记录和申请台账计算。需要以 supervisors 或 camunda-admin 组成员的账号进行 HTTP Basic 认证。")
@SecurityRequirement(name = Doors.STAFF_BASIC)
@ApiResponse(responseCode = "400", description = "参数有误，problem+json 的 errors 指出是哪个参数、应怎样写",
    content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "401", description = "未认证，或用户名、密码不正确",
    content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "403", description = "该用户不属于 supervisors 或 camunda-admin 组",
    content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
class ScorecardController {

  private static final String FROM = "起始日期（年-月-日，含），缺省为上一个自然月的第一天；只给 to 时为 to 所在月的第一天";
  private static final String TO = "截止日期（年-月-日，含），缺省为上一个自然月的最后一天；只给 from 时为 from 所在月的最后一天；期间最长 366 天";

  private final ScorecardService scorecards;

  ScorecardController(ScorecardService scorecards) {
    this.scorecards = scorecards;
  }

  @Operation(summary = "期间考核指标",
      description = "通水时间在期间内的申请：件数；客户办理环节数、申请至通水的自然日和工作日、水司办理时间（扣除审批和外线施工）、"
          + "客户承担费用的中位数和 90 分位数；各环节和全流程的达标率；首次回访满意度；按周或按月的达标率序列。")
  @ApiResponse(responseCode = "200", description = "期间考核指标")
  @GetMapping
  Scorecard scorecard(
      @Parameter(description = FROM, example = "2026-10-01") @RequestParam(required = false) String from,
      @Parameter(description = TO, example = "2026-10-31") @RequestParam(required = false) String to,
      @Parameter(description = "达标率序列的分段：week（按周）或 month（按月）；缺省时 92 天以内按周，否则按月")
      @RequestParam(required = false) String interval) {
    return scorecards.scorecard(scorecards.period(from, to), interval);
  }

  @Operation(summary = "逐件考核指标", description = "期间内已通水申请的逐件指标，按通水时间排序，分页；与期间考核指标使用同一口径。")
  @ApiResponse(responseCode = "200", description = "一页申请及其指标")
  @GetMapping("/cases")
  CasePage cases(
      @Parameter(description = FROM, example = "2026-10-01") @RequestParam(required = false) String from,
      @Parameter(description = TO, example = "2026-10-31") @RequestParam(required = false) String to,
      @Parameter(description = "页码，从 0 开始") @RequestParam(defaultValue = "0")
      @Min(value = 0, message = "页码从 0 开始，不能为负数") int page,
      @Parameter(description = "每页件数，1–500") @RequestParam(defaultValue = "50")
      @Min(value = 1, message = "每页至少 1 件") @Max(value = 500, message = "每页最多 500 件") int size) {
    return scorecards.cases(scorecards.period(from, to), page, size);
  }
}
